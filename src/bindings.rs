//! The TypeScript bindings of every type that crosses IPC, generated into `ui/src/bindings`.
//! `tests/bindings.rs` fails when the committed files are stale; `UPDATE_BINDINGS=1 cargo test
//! --test bindings` rewrites them.

use std::path::Path;

use ts_rs::{Config, ExportError, TS};

/// Writes the bindings of every IPC type (and the types they use) into `dir`.
pub fn export_all(dir: &Path) -> Result<(), ExportError> {
    let cfg = Config::new().with_out_dir(dir);
    crate::error::ErrorPayload::export_all(&cfg)?;
    crate::people::Person::export_all(&cfg)?;
    crate::people::PersonInput::export_all(&cfg)?;
    crate::people::PersonFilter::export_all(&cfg)?;
    crate::settings::Preferences::export_all(&cfg)?;
    crate::db::WorkspaceInfo::export_all(&cfg)?;
    crate::questions::Question::export_all(&cfg)?;
    crate::questions::QuestionInput::export_all(&cfg)?;
    crate::questions::QuestionFilter::export_all(&cfg)?;
    crate::questions::TopicCount::export_all(&cfg)?;
    crate::questions::guides::Guide::export_all(&cfg)?;
    crate::questions::guides::GuideInput::export_all(&cfg)?;
    crate::questions::guides::GuideSummary::export_all(&cfg)?;
    crate::interviews::Interview::export_all(&cfg)?;
    crate::interviews::InterviewInput::export_all(&cfg)?;
    crate::interviews::notes::Note::export_all(&cfg)?;
    crate::interviews::notes::NoteInput::export_all(&cfg)?;
    crate::findings::TagGroup::export_all(&cfg)?;
    crate::findings::FindingInput::export_all(&cfg)?;
    crate::search::SearchHit::export_all(&cfg)?;
    crate::report::ReportFormat::export_all(&cfg)?;
    crate::csv::ListKind::export_all(&cfg)?;
    crate::csv::ImportReport::export_all(&cfg)?;
    crate::db::Progress::export_all(&cfg)?;
    crate::roadmaps::Roadmap::export_all(&cfg)?;
    crate::roadmaps::RoadmapSummary::export_all(&cfg)?;
    crate::roadmaps::RoadmapInput::export_all(&cfg)?;
    crate::roadmaps::RowInput::export_all(&cfg)?;
    crate::roadmaps::DeliverableInput::export_all(&cfg)?;
    crate::roadmaps::retro::Retro::export_all(&cfg)?;
    crate::roadmaps::report::StakeholderFormat::export_all(&cfg)?;
    crate::roadmaps::report::StakeholderReport::export_all(&cfg)?;
    crate::sprints::Sprint::export_all(&cfg)?;
    crate::sprints::SprintInput::export_all(&cfg)?;
    crate::sprints::SprintSummary::export_all(&cfg)?;
    crate::followups::FollowUp::export_all(&cfg)?;
    crate::followups::FollowUpInput::export_all(&cfg)?;
    crate::followups::FollowUpFilter::export_all(&cfg)?;
    crate::followups::FollowUpOffer::export_all(&cfg)?;
    crate::followups::StaleContact::export_all(&cfg)?;
    crate::today::Today::export_all(&cfg)?;
    Ok(())
}
