//! SLOs with error budgets, as pure logic: what an objective promises (`spec`), how much of
//! its budget the readings a team enters have used (`budget`), whether the SRE Workbook's
//! burn-rate alerts would fire (`alerts`), what the team's budget policy says to do about it
//! (`policy`), and OpenSLO v1 import and export (`openslo`). The store around it is in the
//! parent module; nothing here touches the database.

pub mod alerts;
pub mod budget;
pub mod openslo;
pub mod policy;
pub mod spec;

pub use alerts::{evaluate, rules, AlertEval, AlertRule, Severity};
pub use budget::{
    burn_rates, burndown, status, validate_readings, window_bounds, BudgetStatus, BurnPoint,
    Reading,
};
pub use openslo::{KeptDoc, OpenSloBundle, OpenSloImport, ServiceDoc, SliDoc, SloDoc};
pub use policy::{
    default_steps, service_state, state_for, validate_steps, worst, BudgetPolicy, PolicyState,
    PolicyStep,
};
pub use spec::{
    parse_target, parse_time_zone, parse_window, validate_name, BudgetingMethod, CalendarUnit,
    SloSpec, Window,
};
