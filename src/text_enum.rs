//! One way to declare an enum that is stored, exported and sent to the UI as text.
//!
//! `text_enum!` writes the enum with its serde names, its TypeScript binding, `ALL`, `as_str`,
//! a public fallible `parse`, `FromStr`, and the SQLite conversions. Reading an unknown value
//! from the database is an error, never a silent default.

/// Declares a text enum: `pub enum Lane { Todo = "todo", Doing = "doing" }`. Put
/// `#[ts(export)]` among its attributes when it crosses IPC.
#[macro_export]
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, ts_rs::TS,
        )]
        $(#[$meta])*
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and wire form.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The value whose text is `s` (trimmed, ASCII case ignored).
            pub fn parse(s: &str) -> Option<$name> {
                let s = s.trim();
                Self::ALL.iter().copied().find(|v| v.as_str().eq_ignore_ascii_case(s))
            }

            /// "a, b or c": the accepted values, for error messages.
            pub fn choices() -> String {
                $crate::text_enum::choices(&[$($text),+])
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                $name::parse(s).ok_or_else(|| {
                    format!("“{}” is not one of {}", s.trim(), $name::choices())
                })
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(
                v: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                $name::parse(s).ok_or_else(|| {
                    rusqlite::types::FromSqlError::Other(
                        format!("unknown {} “{s}”", stringify!($name)).into(),
                    )
                })
            }
        }
    };
}

/// "a, b or c".
pub fn choices(all: &[&str]) -> String {
    match all {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    crate::text_enum! {
        /// A test enum.
        pub enum Colour { Red = "red", DarkBlue = "dark-blue" }
    }

    #[test]
    fn round_trips_and_refuses_unknown_values() {
        assert_eq!(Colour::parse(" Dark-Blue "), Some(Colour::DarkBlue));
        assert_eq!(Colour::parse("green"), None);
        assert_eq!(
            "green".parse::<Colour>().unwrap_err(),
            "“green” is not one of red or dark-blue"
        );
        assert_eq!(
            serde_json::to_string(&Colour::DarkBlue).unwrap(),
            "\"dark-blue\""
        );
        let c = rusqlite::Connection::open_in_memory().unwrap();
        let back: Colour = c
            .query_row("SELECT ?1", [Colour::Red], |r| r.get(0))
            .unwrap();
        assert_eq!(back, Colour::Red);
        let bad: rusqlite::Result<Colour> = c.query_row("SELECT 'x'", [], |r| r.get(0));
        assert!(
            bad.is_err(),
            "an unknown stored value is an error, not a default"
        );
    }
}
