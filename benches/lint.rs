//! Checker throughput: `cargo bench --bench lint` (or `make bench`). Prints the time for 100,000
//! mixed questions (leading and not, ASCII and not) and fails if `check` takes a second or more.
use rapport::questions::lint::{check, is_leading};
use std::hint::black_box;
use std::time::Instant;

const SUBJECTS: &[&str] = &[
    "Chef",
    "Terraform",
    "the deploy pipeline",
    "on-call",
    "CI",
    "the dashboards",
    "code review",
    "postmortems",
    "runbooks",
    "Kubernetes",
    "secrets",
    "the SLO process",
];

const TEMPLATES: &[&str] = &[
    "Do you have problems with {}?",
    "Tell me about the last time you worked with {}.",
    "Walk me through how your team uses {}.",
    "Why is {} always so slow?",
    "Would you use a better version of {}?",
    "Don't you think {} is too complicated?",
    "How do you set up {} and how do you test it?",
    "Do you wish {} happened automatically?",
    "How much easier would {} be with a new tool?",
    "{} is painful here. How do you cope?",
    "Have you used {} in the last month? If so, tell me about it.",
    "What happened the last time {} failed?",
    "How often do you touch {}?",
    "Who do you ask when {} breaks and you don't know why?",
    "On a scale of 1 to 10, how great is {}?",
    "Isn't {} overkill, right?",
    "How satisfied were you with {}?",
    "Who broke {}?",
    "Why didn't you test {} in staging?",
    "Since {} is so stressful, how do you recover?",
    "You used {} last week, didn't you?",
    "Are {} clear and up to date?",
    "What would you try after {}?",
    "From very dissatisfied to very satisfied, how was {}?",
];

fn main() {
    // Deterministic mix: every template x subject, cycled with a counter suffix so that no two
    // consecutive strings are identical.
    let n = 100_000;
    let mut qs = Vec::with_capacity(n);
    let mut seed: u64 = 42;
    for i in 0..n {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let t = TEMPLATES[(seed >> 33) as usize % TEMPLATES.len()];
        let s = SUBJECTS[(seed >> 17) as usize % SUBJECTS.len()];
        let mut q = t.replace("{}", s);
        if i % 7 == 0 {
            q.push_str(" Ça marche? 😀");
        }
        qs.push(q);
    }
    // Warm up (parses the lexicon once).
    black_box(check(&qs[0]));

    let t0 = Instant::now();
    let mut leading = 0usize;
    for q in &qs {
        leading += usize::from(is_leading(black_box(q)));
    }
    let el = t0.elapsed();
    println!(
        "is_leading: {n} questions in {:.1} ms -> {:.0} questions/second ({leading} leading)",
        el.as_secs_f64() * 1e3,
        n as f64 / el.as_secs_f64()
    );

    let t0 = Instant::now();
    let mut findings = 0usize;
    for q in &qs {
        findings += black_box(check(black_box(q))).len();
    }
    let el = t0.elapsed();
    println!(
        "check:      {n} questions in {:.1} ms -> {:.0} questions/second ({findings} findings)",
        el.as_secs_f64() * 1e3,
        n as f64 / el.as_secs_f64()
    );
    let budget = std::time::Duration::from_secs(1);
    if el >= budget {
        eprintln!("FAIL: check took {el:?} for {n} questions (target: under {budget:?})");
        std::process::exit(1);
    }
    println!("ok: under the 1 s target for {n} questions");
}
