//! The core's integration tests, in one binary so `cargo test` links once.

mod common;

mod backups;
mod cli;
mod crash;
mod csv;
mod db;
mod desktop;
mod findings;
mod followups;
mod interviews;
mod lint_accuracy;
mod people;
mod questions;
mod reliability;
mod roadmaps;
mod scale;
mod sprints;
mod today;
mod transcripts;
