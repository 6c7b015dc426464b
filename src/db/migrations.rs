//! Versioned schema migrations. Version N is `MIGRATIONS[N - 1]`; `PRAGMA user_version` records
//! the applied version. Migrations are append-only: never edit one that has shipped.

use rusqlite::Connection;

use crate::error::Result;

const MIGRATIONS: &[&str] = &[
    // 1: people directory.
    r#"
    CREATE TABLE people (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
        team        TEXT NOT NULL DEFAULT '',
        role        TEXT NOT NULL CHECK (role IN ('ic', 'lead', 'manager', 'other')),
        contact     TEXT NOT NULL DEFAULT '',
        core_user   INTEGER NOT NULL DEFAULT 0 CHECK (core_user IN (0, 1)),
        notes       TEXT NOT NULL DEFAULT '',
        archived_at TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX people_name ON people (name COLLATE NOCASE);
    "#,
    // 2: small per-workspace preferences (theme, …).
    r#"
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;
    "#,
    // 3: question bank and interview guides.
    r#"
    CREATE TABLE questions (
        id              TEXT PRIMARY KEY,
        text            TEXT NOT NULL CHECK (length(trim(text)) > 0),
        topic           TEXT NOT NULL DEFAULT '',
        leading_version TEXT,
        rationale       TEXT NOT NULL DEFAULT '',
        builtin         INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
        archived_at     TEXT,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
    ) STRICT;
    CREATE TABLE question_tags (
        question_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        tag         TEXT NOT NULL,
        PRIMARY KEY (question_id, tag)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX question_tags_tag ON question_tags (tag);
    CREATE TABLE guides (
        id         TEXT PRIMARY KEY,
        title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
        goal       TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE guide_items (
        id          TEXT PRIMARY KEY,
        guide_id    TEXT NOT NULL REFERENCES guides (id) ON DELETE CASCADE,
        question_id TEXT NOT NULL REFERENCES questions (id),
        position    INTEGER NOT NULL,
        minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 30),
        UNIQUE (guide_id, question_id)
    ) STRICT;
    CREATE INDEX guide_items_guide ON guide_items (guide_id, position);
    "#,
    // 4: interviews, their people and live notes.
    r#"
    CREATE TABLE interviews (
        id               TEXT PRIMARY KEY,
        title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
        topic            TEXT NOT NULL DEFAULT '',
        scheduled_at     TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 240),
        note_taker_id    TEXT REFERENCES people (id),
        guide_id         TEXT REFERENCES guides (id) ON DELETE SET NULL,
        mixed_roles_ack_at TEXT,
        started_at       TEXT,
        ended_at         TEXT,
        draft            TEXT NOT NULL DEFAULT '',
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX interviews_scheduled ON interviews (scheduled_at);
    CREATE TABLE interview_people (
        interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        person_id    TEXT NOT NULL REFERENCES people (id),
        PRIMARY KEY (interview_id, person_id)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE notes (
        id           TEXT PRIMARY KEY,
        interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        text         TEXT NOT NULL CHECK (length(trim(text)) > 0),
        is_quote     INTEGER NOT NULL DEFAULT 0 CHECK (is_quote IN (0, 1)),
        speaker_id   TEXT REFERENCES people (id),
        offset_seconds INTEGER,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX notes_interview ON notes (interview_id, created_at);
    CREATE TABLE note_tags (
        note_id TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
        tag     TEXT NOT NULL,
        PRIMARY KEY (note_id, tag)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX note_tags_tag ON note_tags (tag);
    "#,
    // 5: findings with evidence, and full-text search over notes, quotes and findings.
    r#"
    CREATE TABLE findings (
        id         TEXT PRIMARY KEY,
        title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
        detail     TEXT NOT NULL DEFAULT '',
        status     TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'acted', 'dismissed')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE finding_tags (
        finding_id TEXT NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
        tag        TEXT NOT NULL,
        PRIMARY KEY (finding_id, tag)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE finding_evidence (
        finding_id TEXT NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
        note_id    TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
        PRIMARY KEY (finding_id, note_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX finding_evidence_note ON finding_evidence (note_id);

    CREATE VIRTUAL TABLE notes_fts USING fts5(
        text, content = 'notes', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER notes_fts_ai AFTER INSERT ON notes BEGIN
        INSERT INTO notes_fts (rowid, text) VALUES (new.rowid, new.text);
    END;
    CREATE TRIGGER notes_fts_ad AFTER DELETE ON notes BEGIN
        INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    END;
    CREATE TRIGGER notes_fts_au AFTER UPDATE OF text ON notes BEGIN
        INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        INSERT INTO notes_fts (rowid, text) VALUES (new.rowid, new.text);
    END;
    INSERT INTO notes_fts (notes_fts) VALUES ('rebuild');

    CREATE VIRTUAL TABLE findings_fts USING fts5(
        title, detail, content = 'findings', content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER findings_fts_ai AFTER INSERT ON findings BEGIN
        INSERT INTO findings_fts (rowid, title, detail) VALUES (new.rowid, new.title, new.detail);
    END;
    CREATE TRIGGER findings_fts_ad AFTER DELETE ON findings BEGIN
        INSERT INTO findings_fts (findings_fts, rowid, title, detail)
        VALUES ('delete', old.rowid, old.title, old.detail);
    END;
    CREATE TRIGGER findings_fts_au AFTER UPDATE OF title, detail ON findings BEGIN
        INSERT INTO findings_fts (findings_fts, rowid, title, detail)
        VALUES ('delete', old.rowid, old.title, old.detail);
        INSERT INTO findings_fts (rowid, title, detail) VALUES (new.rowid, new.title, new.detail);
    END;
    "#,
    // 6: six-week roadmaps: rows with user-centric goals, deliverables, status updates, retros.
    r#"
    CREATE TABLE roadmaps (
        id           TEXT PRIMARY KEY,
        title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
        starts_on    TEXT NOT NULL,
        ends_on      TEXT NOT NULL,
        cadence      TEXT NOT NULL CHECK (cadence IN ('weekly', 'biweekly')),
        carried_from TEXT REFERENCES roadmaps (id) ON DELETE SET NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        CHECK (ends_on > starts_on)
    ) STRICT;
    CREATE TABLE roadmap_rows (
        id           TEXT PRIMARY KEY,
        roadmap_id   TEXT NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
        project      TEXT NOT NULL CHECK (length(trim(project)) > 0),
        stakeholders TEXT NOT NULL DEFAULT '',
        goal_what    TEXT NOT NULL CHECK (length(trim(goal_what)) > 0),
        goal_why     TEXT NOT NULL CHECK (length(trim(goal_why)) > 0),
        priority     TEXT NOT NULL CHECK (priority IN ('high', 'low')),
        position     INTEGER NOT NULL,
        carried_from TEXT,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX roadmap_rows_roadmap ON roadmap_rows (roadmap_id, priority, position);
    CREATE TABLE deliverables (
        id         TEXT PRIMARY KEY,
        row_id     TEXT NOT NULL REFERENCES roadmap_rows (id) ON DELETE CASCADE,
        title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
        owner      TEXT NOT NULL DEFAULT '',
        due_on     TEXT,
        status     TEXT NOT NULL CHECK (status IN ('planned', 'in-progress', 'done', 'dropped')),
        done_on    TEXT,
        position   INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX deliverables_row ON deliverables (row_id, position);
    CREATE TABLE row_updates (
        id         TEXT PRIMARY KEY,
        row_id     TEXT NOT NULL REFERENCES roadmap_rows (id) ON DELETE CASCADE,
        meeting_on TEXT NOT NULL,
        status     TEXT NOT NULL CHECK (status IN ('on-track', 'at-risk', 'blocked', 'done', 'dropped')),
        note       TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX row_updates_row ON row_updates (row_id, created_at);
    CREATE TABLE retros (
        roadmap_id TEXT PRIMARY KEY REFERENCES roadmaps (id) ON DELETE CASCADE,
        process    TEXT NOT NULL DEFAULT '',
        estimation TEXT NOT NULL DEFAULT '',
        execution  TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    ) STRICT;
    "#,
    // 7: one-week prototyping sprints, follow-ups with users, and which interviews were about
    // which roadmap row (so a shipped deliverable knows whom to follow up with).
    r#"
    CREATE TABLE sprints (
        id         TEXT PRIMARY KEY,
        focus      TEXT NOT NULL CHECK (length(trim(focus)) > 0),
        starts_on  TEXT NOT NULL,
        ends_on    TEXT NOT NULL,
        card_limit INTEGER NOT NULL CHECK (card_limit BETWEEN 1 AND 50),
        demo_notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (ends_on >= starts_on)
    ) STRICT;
    CREATE INDEX sprints_dates ON sprints (starts_on, ends_on);
    CREATE TABLE sprint_users (
        sprint_id TEXT NOT NULL REFERENCES sprints (id) ON DELETE CASCADE,
        person_id TEXT NOT NULL REFERENCES people (id),
        PRIMARY KEY (sprint_id, person_id)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE sprint_cards (
        id         TEXT PRIMARY KEY,
        sprint_id  TEXT NOT NULL REFERENCES sprints (id) ON DELETE CASCADE,
        title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
        lane       TEXT NOT NULL CHECK (lane IN ('todo', 'doing', 'done')),
        position   INTEGER NOT NULL,
        added_on   TEXT NOT NULL,
        done_on    TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX sprint_cards_lane ON sprint_cards (sprint_id, lane, position);
    CREATE TABLE sprint_entries (
        id         TEXT PRIMARY KEY,
        sprint_id  TEXT NOT NULL REFERENCES sprints (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('log', 'risk', 'went-well', 'to-improve', 'learned')),
        day        TEXT NOT NULL,
        text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
        finding_id     TEXT REFERENCES findings (id) ON DELETE SET NULL,
        deliverable_id TEXT REFERENCES deliverables (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX sprint_entries_kind ON sprint_entries (sprint_id, kind, created_at);
    CREATE TABLE followups (
        id             TEXT PRIMARY KEY,
        person_id      TEXT NOT NULL REFERENCES people (id),
        reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        deliverable_id TEXT REFERENCES deliverables (id) ON DELETE SET NULL,
        interview_id   TEXT REFERENCES interviews (id) ON DELETE SET NULL,
        release        TEXT NOT NULL DEFAULT '',
        due_on         TEXT NOT NULL,
        done_on        TEXT,
        outcome        TEXT NOT NULL DEFAULT '',
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        CHECK (done_on IS NULL OR length(trim(outcome)) > 0)
    ) STRICT;
    CREATE INDEX followups_due ON followups (done_on, due_on);
    CREATE INDEX followups_person ON followups (person_id, done_on);
    CREATE TABLE row_interviews (
        row_id       TEXT NOT NULL REFERENCES roadmap_rows (id) ON DELETE CASCADE,
        interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        PRIMARY KEY (row_id, interview_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX row_interviews_interview ON row_interviews (interview_id);
    ALTER TABLE findings ADD COLUMN source TEXT NOT NULL DEFAULT '';
    "#,
    // 8: trust and scale. Every editable record carries a version, so a stale edit is refused
    // instead of silently overwriting a newer one; deletes go to a trash they can be restored
    // from; people get a folded name key for duplicate checks; findings get a recommendation
    // and links to the roadmap rows that act on them; indexes for the lists at team scale.
    r#"
    ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE people ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
    ALTER TABLE people ADD COLUMN filter_key TEXT NOT NULL DEFAULT '';
    ALTER TABLE questions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE questions ADD COLUMN filter_key TEXT NOT NULL DEFAULT '';
    ALTER TABLE guides ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE interviews ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE notes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE findings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE findings ADD COLUMN recommendation TEXT NOT NULL DEFAULT '';
    ALTER TABLE roadmaps ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE roadmap_rows ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE deliverables ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE sprints ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE sprint_cards ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE followups ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE retros ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

    CREATE TABLE trash (
        id         TEXT PRIMARY KEY,
        kind       TEXT NOT NULL,
        entity_id  TEXT NOT NULL,
        label      TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        -- What restore puts back (rows and unlinked references, as JSON); NULL once purged,
        -- when only the tombstone is kept for a later merge of workspaces.
        payload    TEXT,
        purged_at  TEXT
    ) STRICT;
    CREATE INDEX trash_deleted ON trash (deleted_at);
    CREATE INDEX trash_entity ON trash (entity_id);

    CREATE TABLE finding_rows (
        finding_id TEXT NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
        row_id     TEXT NOT NULL REFERENCES roadmap_rows (id) ON DELETE CASCADE,
        PRIMARY KEY (finding_id, row_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX finding_rows_row ON finding_rows (row_id);

    CREATE INDEX people_name_key ON people (name_key);
    CREATE INDEX questions_list ON questions (archived_at IS NOT NULL, topic, text COLLATE NOCASE);
    CREATE INDEX people_list ON people (archived_at IS NOT NULL, name COLLATE NOCASE, created_at);
    CREATE INDEX interview_people_person ON interview_people (person_id);
    CREATE INDEX interviews_note_taker ON interviews (note_taker_id);
    CREATE INDEX notes_speaker ON notes (speaker_id);
    CREATE INDEX followups_deliverable ON followups (deliverable_id);
    CREATE INDEX followups_interview ON followups (interview_id);
    CREATE INDEX sprint_users_person ON sprint_users (person_id);
    CREATE INDEX sprint_entries_finding ON sprint_entries (finding_id);
    CREATE INDEX sprint_entries_deliverable ON sprint_entries (deliverable_id);
    CREATE INDEX roadmaps_carried ON roadmaps (carried_from);

    -- One search index for the smaller lists (people, findings, roadmap rows, deliverables,
    -- status updates). Its rowid is the source row's rowid * 16 + a code per kind, so a trigger
    -- finds its entry without a scan. Notes keep their own external-content index.
    DROP TRIGGER findings_fts_ai;
    DROP TRIGGER findings_fts_ad;
    DROP TRIGGER findings_fts_au;
    DROP TABLE findings_fts;
    CREATE VIRTUAL TABLE search_index USING fts5(
        title, body, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE notes_vocab USING fts5vocab(notes_fts, 'row');

    CREATE TRIGGER people_si_ai AFTER INSERT ON people BEGIN
        INSERT INTO search_index (rowid, title, body)
        VALUES (new.rowid * 16 + 1, new.name, new.team || ' ' || new.contact || ' ' || new.notes);
    END;
    CREATE TRIGGER people_si_ad AFTER DELETE ON people BEGIN
        DELETE FROM search_index WHERE rowid = old.rowid * 16 + 1;
    END;
    CREATE TRIGGER people_si_au AFTER UPDATE OF name, team, contact, notes ON people BEGIN
        UPDATE search_index SET title = new.name, body = new.team || ' ' || new.contact || ' ' || new.notes
        WHERE rowid = new.rowid * 16 + 1;
    END;

    CREATE TRIGGER findings_si_ai AFTER INSERT ON findings BEGIN
        INSERT INTO search_index (rowid, title, body)
        VALUES (new.rowid * 16 + 2, new.title, new.detail || ' ' || new.recommendation);
    END;
    CREATE TRIGGER findings_si_ad AFTER DELETE ON findings BEGIN
        DELETE FROM search_index WHERE rowid = old.rowid * 16 + 2;
    END;
    CREATE TRIGGER findings_si_au AFTER UPDATE OF title, detail, recommendation ON findings BEGIN
        UPDATE search_index SET title = new.title, body = new.detail || ' ' || new.recommendation
        WHERE rowid = new.rowid * 16 + 2;
    END;

    CREATE TRIGGER rows_si_ai AFTER INSERT ON roadmap_rows BEGIN
        INSERT INTO search_index (rowid, title, body)
        VALUES (new.rowid * 16 + 3, new.project,
                new.goal_what || ' ' || new.goal_why || ' ' || new.stakeholders);
    END;
    CREATE TRIGGER rows_si_ad AFTER DELETE ON roadmap_rows BEGIN
        DELETE FROM search_index WHERE rowid = old.rowid * 16 + 3;
    END;
    CREATE TRIGGER rows_si_au AFTER UPDATE OF project, goal_what, goal_why, stakeholders ON roadmap_rows BEGIN
        UPDATE search_index SET title = new.project,
               body = new.goal_what || ' ' || new.goal_why || ' ' || new.stakeholders
        WHERE rowid = new.rowid * 16 + 3;
    END;

    CREATE TRIGGER deliverables_si_ai AFTER INSERT ON deliverables BEGIN
        INSERT INTO search_index (rowid, title, body) VALUES (new.rowid * 16 + 4, new.title, new.owner);
    END;
    CREATE TRIGGER deliverables_si_ad AFTER DELETE ON deliverables BEGIN
        DELETE FROM search_index WHERE rowid = old.rowid * 16 + 4;
    END;
    CREATE TRIGGER deliverables_si_au AFTER UPDATE OF title, owner ON deliverables BEGIN
        UPDATE search_index SET title = new.title, body = new.owner WHERE rowid = new.rowid * 16 + 4;
    END;

    CREATE TRIGGER updates_si_ai AFTER INSERT ON row_updates BEGIN
        INSERT INTO search_index (rowid, title, body) VALUES (new.rowid * 16 + 5, '', new.note);
    END;
    CREATE TRIGGER updates_si_ad AFTER DELETE ON row_updates BEGIN
        DELETE FROM search_index WHERE rowid = old.rowid * 16 + 5;
    END;

    INSERT INTO search_index (rowid, title, body)
        SELECT rowid * 16 + 1, name, team || ' ' || contact || ' ' || notes FROM people;
    INSERT INTO search_index (rowid, title, body)
        SELECT rowid * 16 + 2, title, detail || ' ' || recommendation FROM findings;
    INSERT INTO search_index (rowid, title, body)
        SELECT rowid * 16 + 3, project, goal_what || ' ' || goal_why || ' ' || stakeholders FROM roadmap_rows;
    INSERT INTO search_index (rowid, title, body) SELECT rowid * 16 + 4, title, owner FROM deliverables;
    INSERT INTO search_index (rowid, title, body) SELECT rowid * 16 + 5, '', note FROM row_updates;
    "#,
    // 9: recorded interviews. A transcript belongs to an interview; its cues are kept as read
    // (speaker label, times, text) with their own full-text index; each label is mapped once
    // to the interviewer's side or a person of the interview. Notes and quotes pulled from a
    // transcript keep the span they came from (cue and UTF-16 offset at each end).
    r#"
    CREATE TABLE transcripts (
        id           TEXT PRIMARY KEY,
        interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        file_name    TEXT NOT NULL,
        format       TEXT NOT NULL CHECK (format IN ('vtt', 'srt', 'text')),
        content_hash TEXT NOT NULL,
        cue_count    INTEGER NOT NULL,
        word_count   INTEGER NOT NULL,
        duration_ms  INTEGER NOT NULL,
        imported_at  TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        version      INTEGER NOT NULL DEFAULT 1
    ) STRICT;
    CREATE INDEX transcripts_interview ON transcripts (interview_id);
    CREATE TABLE transcript_speakers (
        transcript_id TEXT NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
        label         TEXT NOT NULL,
        side          TEXT CHECK (side IN ('interviewer', 'interviewee')),
        person_id     TEXT REFERENCES people (id) ON DELETE SET NULL,
        PRIMARY KEY (transcript_id, label)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX transcript_speakers_person ON transcript_speakers (person_id);
    CREATE TABLE transcript_cues (
        transcript_id TEXT NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
        seq           INTEGER NOT NULL,
        start_ms      INTEGER NOT NULL,
        end_ms        INTEGER NOT NULL,
        speaker       TEXT NOT NULL,
        text          TEXT NOT NULL,
        PRIMARY KEY (transcript_id, seq)
    ) STRICT;
    CREATE VIRTUAL TABLE cues_fts USING fts5(
        text, content = 'transcript_cues', content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE cues_vocab USING fts5vocab(cues_fts, 'row');
    CREATE TRIGGER cues_fts_ai AFTER INSERT ON transcript_cues BEGIN
        INSERT INTO cues_fts (rowid, text) VALUES (new.rowid, new.text);
    END;
    CREATE TRIGGER cues_fts_ad AFTER DELETE ON transcript_cues BEGIN
        INSERT INTO cues_fts (cues_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    END;

    ALTER TABLE notes ADD COLUMN transcript_id TEXT REFERENCES transcripts (id) ON DELETE SET NULL;
    ALTER TABLE notes ADD COLUMN from_cue INTEGER;
    ALTER TABLE notes ADD COLUMN from_offset INTEGER;
    ALTER TABLE notes ADD COLUMN to_cue INTEGER;
    ALTER TABLE notes ADD COLUMN to_offset INTEGER;
    CREATE INDEX notes_transcript ON notes (transcript_id);
    "#,
    // 10: reliability. Services with an error-budget policy and an append-only log of the
    // decisions it led to; SLOs (with the OpenSLO fields kept for a lossless round trip, the
    // SLIs and other documents they came with) and the people, findings and interview notes
    // behind them; hand-entered readings; blameless postmortems with a timeline and action
    // items that can become roadmap deliverables; the toil log. Roadmap rows learn whether
    // they are feature or reliability work and which service they serve.
    r#"
    CREATE TABLE services (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 63),
        display_name TEXT,
        description  TEXT,
        owner_id     TEXT REFERENCES people (id),
        user_groups  TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        version      INTEGER NOT NULL DEFAULT 1
    ) STRICT;
    CREATE INDEX services_owner ON services (owner_id);
    -- One policy per service; its id is the service's.
    CREATE TABLE budget_policies (
        id               TEXT PRIMARY KEY REFERENCES services (id) ON DELETE CASCADE,
        overview         TEXT NOT NULL DEFAULT '',
        goals            TEXT NOT NULL DEFAULT '',
        non_goals        TEXT NOT NULL DEFAULT '',
        slo_miss_policy  TEXT NOT NULL DEFAULT '',
        outage_policy    TEXT NOT NULL DEFAULT '',
        escalation       TEXT NOT NULL DEFAULT '',
        -- The machine-readable steps, as JSON: [{"below_remaining": 0.5, "state": "watch"}, …].
        steps            TEXT NOT NULL,
        -- An incident that uses more than this share of a budget needs a P0/P1 action item.
        postmortem_share REAL NOT NULL DEFAULT 0.2 CHECK (postmortem_share > 0 AND postmortem_share <= 1),
        updated_at       TEXT NOT NULL,
        version          INTEGER NOT NULL DEFAULT 1
    ) STRICT;
    CREATE TABLE policy_decisions (
        id          TEXT PRIMARY KEY,
        service_id  TEXT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
        state       TEXT NOT NULL CHECK (state IN ('ok', 'watch', 'reliability_first', 'freeze')),
        kind        TEXT NOT NULL CHECK (kind IN ('apply', 'exception')),
        decided_by  TEXT NOT NULL REFERENCES people (id),
        approver_id TEXT REFERENCES people (id),
        reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        remaining   REAL,
        moved       TEXT NOT NULL DEFAULT '[]',
        decided_at  TEXT NOT NULL,
        CHECK (kind <> 'exception' OR approver_id IS NOT NULL)
    ) STRICT;
    CREATE INDEX policy_decisions_service ON policy_decisions (service_id, decided_at);
    CREATE INDEX policy_decisions_by ON policy_decisions (decided_by);
    CREATE INDEX policy_decisions_approver ON policy_decisions (approver_id);
    -- Append-only: a decision is never edited, and only goes when its service does (to the
    -- trash, from where it comes back with it). A merge of people may still re-point it.
    CREATE TRIGGER policy_decisions_no_edit
    BEFORE UPDATE OF service_id, state, kind, reason, remaining, moved, decided_at ON policy_decisions
    BEGIN SELECT RAISE(ABORT, 'The policy decision log is append-only'); END;
    CREATE TRIGGER policy_decisions_no_delete BEFORE DELETE ON policy_decisions
    WHEN EXISTS (SELECT 1 FROM services WHERE id = old.service_id)
    BEGIN SELECT RAISE(ABORT, 'The policy decision log is append-only'); END;

    CREATE TABLE slis (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL UNIQUE,
        display_name TEXT,
        description  TEXT,
        spec_yaml    TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
    ) STRICT;
    CREATE TABLE openslo_kept (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL,
        name        TEXT,
        yaml        TEXT NOT NULL,
        position    INTEGER NOT NULL,
        imported_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE slos (
        id            TEXT PRIMARY KEY,
        service_id    TEXT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
        name          TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 63),
        display_name  TEXT,
        journey       TEXT NOT NULL CHECK (length(trim(journey)) > 0),
        description   TEXT,
        persona       TEXT NOT NULL DEFAULT '',
        target        REAL NOT NULL CHECK (target > 0 AND target < 1),
        window_days   INTEGER CHECK (window_days BETWEEN 1 AND 400),
        calendar_unit TEXT CHECK (calendar_unit IN ('month', 'quarter')),
        time_zone     TEXT,
        method        TEXT NOT NULL CHECK (method IN ('occurrences', 'timeslices')),
        slice_minutes INTEGER CHECK (slice_minutes BETWEEN 1 AND 1440),
        slice_target  REAL CHECK (slice_target > 0 AND slice_target <= 1),
        indicator_name TEXT NOT NULL,
        indicator_ref  INTEGER NOT NULL DEFAULT 0 CHECK (indicator_ref IN (0, 1)),
        indicator_yaml TEXT NOT NULL,
        objective_display_name TEXT,
        op            TEXT,
        value         REAL,
        alert_policies_yaml TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        version       INTEGER NOT NULL DEFAULT 1,
        CHECK ((window_days IS NULL) <> (calendar_unit IS NULL)),
        CHECK (calendar_unit IS NULL OR time_zone IS NOT NULL),
        CHECK ((method = 'timeslices') = (slice_minutes IS NOT NULL AND slice_target IS NOT NULL))
    ) STRICT;
    CREATE INDEX slos_service ON slos (service_id, name);
    CREATE TABLE slo_people (
        slo_id    TEXT NOT NULL REFERENCES slos (id) ON DELETE CASCADE,
        person_id TEXT NOT NULL REFERENCES people (id),
        PRIMARY KEY (slo_id, person_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX slo_people_person ON slo_people (person_id);
    CREATE TABLE slo_findings (
        slo_id     TEXT NOT NULL REFERENCES slos (id) ON DELETE CASCADE,
        finding_id TEXT NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
        PRIMARY KEY (slo_id, finding_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX slo_findings_finding ON slo_findings (finding_id);
    CREATE TABLE slo_notes (
        slo_id  TEXT NOT NULL REFERENCES slos (id) ON DELETE CASCADE,
        note_id TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
        PRIMARY KEY (slo_id, note_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX slo_notes_note ON slo_notes (note_id);

    -- Counts entered by hand or from CSV; never fetched. Times are RFC 3339 UTC to the second.
    CREATE TABLE slo_readings (
        id          TEXT PRIMARY KEY,
        slo_id      TEXT NOT NULL REFERENCES slos (id) ON DELETE CASCADE,
        start_at    TEXT NOT NULL,
        end_at      TEXT NOT NULL,
        good        INTEGER NOT NULL CHECK (good >= 0),
        total       INTEGER NOT NULL CHECK (total >= good),
        bad_minutes REAL CHECK (bad_minutes IS NULL OR bad_minutes >= 0),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        version     INTEGER NOT NULL DEFAULT 1,
        CHECK (end_at > start_at),
        UNIQUE (slo_id, start_at)
    ) STRICT;
    CREATE INDEX slo_readings_end ON slo_readings (slo_id, end_at);

    ALTER TABLE roadmap_rows ADD COLUMN kind TEXT NOT NULL DEFAULT 'feature'
        CHECK (kind IN ('feature', 'reliability'));
    ALTER TABLE roadmap_rows ADD COLUMN service_id TEXT REFERENCES services (id) ON DELETE SET NULL;
    CREATE INDEX roadmap_rows_service ON roadmap_rows (service_id);

    CREATE TABLE postmortems (
        id              TEXT PRIMARY KEY,
        title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
        service_id      TEXT REFERENCES services (id) ON DELETE SET NULL,
        slo_id          TEXT REFERENCES slos (id) ON DELETE SET NULL,
        severity        TEXT NOT NULL CHECK (severity IN ('sev1', 'sev2', 'sev3', 'sev4')),
        status          TEXT NOT NULL CHECK (status IN ('draft', 'complete', 'closed')),
        started_at      TEXT NOT NULL,
        ended_at        TEXT,
        summary         TEXT NOT NULL DEFAULT '',
        impact_users    TEXT NOT NULL DEFAULT '',
        contributing_factors TEXT NOT NULL DEFAULT '',
        went_well       TEXT NOT NULL DEFAULT '',
        went_wrong      TEXT NOT NULL DEFAULT '',
        got_lucky       TEXT NOT NULL DEFAULT '',
        lessons         TEXT NOT NULL DEFAULT '',
        -- Share of the SLO's budget the incident used, when entered; else from the readings.
        budget_consumed REAL CHECK (budget_consumed IS NULL OR budget_consumed >= 0),
        completed_at    TEXT,
        closed_at       TEXT,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        version         INTEGER NOT NULL DEFAULT 1,
        CHECK (ended_at IS NULL OR ended_at >= started_at)
    ) STRICT;
    CREATE INDEX postmortems_started ON postmortems (started_at);
    CREATE INDEX postmortems_service ON postmortems (service_id);
    CREATE INDEX postmortems_slo ON postmortems (slo_id);
    CREATE TABLE postmortem_timeline (
        id            TEXT PRIMARY KEY,
        postmortem_id TEXT NOT NULL REFERENCES postmortems (id) ON DELETE CASCADE,
        at            TEXT NOT NULL,
        text          TEXT NOT NULL CHECK (length(trim(text)) > 0),
        position      INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX postmortem_timeline_pm ON postmortem_timeline (postmortem_id, position);

    CREATE TABLE action_items (
        id             TEXT PRIMARY KEY,
        postmortem_id  TEXT NOT NULL REFERENCES postmortems (id) ON DELETE CASCADE,
        title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
        kind           TEXT NOT NULL CHECK (kind IN ('mitigate', 'prevent', 'detect', 'process')),
        owner_id       TEXT NOT NULL REFERENCES people (id),
        priority       TEXT NOT NULL CHECK (priority IN ('P0', 'P1', 'P2', 'P3')),
        due_on         TEXT NOT NULL,
        status         TEXT NOT NULL CHECK (status IN ('open', 'done', 'wont-do')),
        reason         TEXT NOT NULL DEFAULT '',
        ticket_url     TEXT NOT NULL DEFAULT '',
        proof          TEXT NOT NULL DEFAULT '',
        deliverable_id TEXT REFERENCES deliverables (id) ON DELETE SET NULL,
        -- Closed because its deliverable was marked done (reopened if it is un-done).
        closed_by_deliverable INTEGER NOT NULL DEFAULT 0 CHECK (closed_by_deliverable IN (0, 1)),
        closed_on      TEXT,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        version        INTEGER NOT NULL DEFAULT 1,
        CHECK (status <> 'wont-do' OR length(trim(reason)) > 0),
        CHECK ((status = 'open') = (closed_on IS NULL))
    ) STRICT;
    CREATE INDEX action_items_pm ON action_items (postmortem_id, created_at);
    CREATE INDEX action_items_due ON action_items (status, due_on);
    CREATE INDEX action_items_owner ON action_items (owner_id);
    CREATE UNIQUE INDEX action_items_deliverable ON action_items (deliverable_id)
        WHERE deliverable_id IS NOT NULL;
    -- A deliverable made from an action item closes it when it is marked done, in the same
    -- transaction, whichever way it is marked (the roadmap, a CSV import); the deliverable is
    -- the proof. Un-doing the deliverable reopens an item it had closed.
    CREATE TRIGGER deliverable_done_closes_action_item AFTER UPDATE OF status ON deliverables
    WHEN new.status = 'done' AND old.status <> 'done'
    BEGIN
        UPDATE action_items
        SET status = 'done', reason = '', closed_by_deliverable = 1,
            closed_on = coalesce(new.done_on, date('now')),
            proof = 'Roadmap deliverable “' || new.title || '” marked done on '
                    || coalesce(new.done_on, date('now')),
            updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), version = version + 1
        WHERE deliverable_id = new.id AND status = 'open';
    END;
    CREATE TRIGGER deliverable_undone_reopens_action_item AFTER UPDATE OF status ON deliverables
    WHEN old.status = 'done' AND new.status <> 'done'
    BEGIN
        UPDATE action_items
        SET status = 'open', closed_on = NULL, proof = '', closed_by_deliverable = 0,
            updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), version = version + 1
        WHERE deliverable_id = new.id AND closed_by_deliverable = 1;
    END;

    CREATE TABLE toil_entries (
        id                 TEXT PRIMARY KEY,
        team               TEXT NOT NULL CHECK (length(trim(team)) > 0),
        task               TEXT NOT NULL CHECK (length(trim(task)) > 0),
        service_id         TEXT REFERENCES services (id) ON DELETE SET NULL,
        person_id          TEXT REFERENCES people (id),
        minutes            INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 10080),
        frequency          TEXT NOT NULL CHECK (frequency IN ('once', 'daily', 'weekly', 'monthly')),
        started_on         TEXT NOT NULL,
        ended_on           TEXT,
        manual             INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),
        repetitive         INTEGER NOT NULL DEFAULT 0 CHECK (repetitive IN (0, 1)),
        automatable        INTEGER NOT NULL DEFAULT 0 CHECK (automatable IN (0, 1)),
        tactical           INTEGER NOT NULL DEFAULT 0 CHECK (tactical IN (0, 1)),
        no_enduring_value  INTEGER NOT NULL DEFAULT 0 CHECK (no_enduring_value IN (0, 1)),
        grows_with_service INTEGER NOT NULL DEFAULT 0 CHECK (grows_with_service IN (0, 1)),
        notes              TEXT NOT NULL DEFAULT '',
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        version            INTEGER NOT NULL DEFAULT 1,
        CHECK (ended_on IS NULL OR ended_on >= started_on)
    ) STRICT;
    CREATE INDEX toil_entries_team ON toil_entries (team, started_on);
    CREATE INDEX toil_entries_service ON toil_entries (service_id);
    CREATE INDEX toil_entries_person ON toil_entries (person_id);
    -- A team's working time, when People does not say it (engineers × hours a week).
    CREATE TABLE toil_teams (
        id             TEXT PRIMARY KEY,
        team_key       TEXT NOT NULL UNIQUE,
        team           TEXT NOT NULL,
        engineers      INTEGER NOT NULL CHECK (engineers BETWEEN 1 AND 1000),
        hours_per_week REAL NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 80),
        updated_at     TEXT NOT NULL
    ) STRICT;

    -- Search: 7 services, 8 SLOs, 9 postmortems, 10 action items.
    CREATE TRIGGER services_si_ai AFTER INSERT ON services BEGIN
        INSERT INTO search_index (rowid, title, body)
        VALUES (new.rowid * 16 + 7, coalesce(new.display_name, new.name),
                new.name || ' ' || coalesce(new.description, '') || ' ' || new.user_groups);
    END;
    CREATE TRIGGER services_si_ad AFTER DELETE ON services BEGIN
        DELETE FROM search_index WHERE rowid = old.rowid * 16 + 7;
    END;
    CREATE TRIGGER services_si_au AFTER UPDATE OF name, display_name, description, user_groups ON services BEGIN
        UPDATE search_index SET title = coalesce(new.display_name, new.name),
               body = new.name || ' ' || coalesce(new.description, '') || ' ' || new.user_groups
        WHERE rowid = new.rowid * 16 + 7;
    END;
    CREATE TRIGGER slos_si_ai AFTER INSERT ON slos BEGIN
        INSERT INTO search_index (rowid, title, body)
        VALUES (new.rowid * 16 + 8, new.name,
                coalesce(new.display_name, '') || ' ' || new.journey || ' ' || coalesce(new.description, '') || ' ' || new.persona);
    END;
    CREATE TRIGGER slos_si_ad AFTER DELETE ON slos BEGIN
        DELETE FROM search_index WHERE rowid = old.rowid * 16 + 8;
    END;
    CREATE TRIGGER slos_si_au AFTER UPDATE OF name, display_name, journey, description, persona ON slos BEGIN
        UPDATE search_index SET title = new.name,
               body = coalesce(new.display_name, '') || ' ' || new.journey || ' ' || coalesce(new.description, '') || ' ' || new.persona
        WHERE rowid = new.rowid * 16 + 8;
    END;
    CREATE TRIGGER postmortems_si_ai AFTER INSERT ON postmortems BEGIN
        INSERT INTO search_index (rowid, title, body)
        VALUES (new.rowid * 16 + 9, new.title,
                new.summary || ' ' || new.impact_users || ' ' || new.contributing_factors || ' ' || new.went_well
                || ' ' || new.went_wrong || ' ' || new.got_lucky || ' ' || new.lessons);
    END;
    CREATE TRIGGER postmortems_si_ad AFTER DELETE ON postmortems BEGIN
        DELETE FROM search_index WHERE rowid = old.rowid * 16 + 9;
    END;
    CREATE TRIGGER postmortems_si_au AFTER UPDATE OF title, summary, impact_users, contributing_factors,
        went_well, went_wrong, got_lucky, lessons ON postmortems BEGIN
        UPDATE search_index SET title = new.title,
               body = new.summary || ' ' || new.impact_users || ' ' || new.contributing_factors || ' ' || new.went_well
                      || ' ' || new.went_wrong || ' ' || new.got_lucky || ' ' || new.lessons
        WHERE rowid = new.rowid * 16 + 9;
    END;
    CREATE TRIGGER action_items_si_ai AFTER INSERT ON action_items BEGIN
        INSERT INTO search_index (rowid, title, body)
        VALUES (new.rowid * 16 + 10, new.title, new.reason || ' ' || new.proof || ' ' || new.ticket_url);
    END;
    CREATE TRIGGER action_items_si_ad AFTER DELETE ON action_items BEGIN
        DELETE FROM search_index WHERE rowid = old.rowid * 16 + 10;
    END;
    CREATE TRIGGER action_items_si_au AFTER UPDATE OF title, reason, proof, ticket_url ON action_items BEGIN
        UPDATE search_index SET title = new.title, body = new.reason || ' ' || new.proof || ' ' || new.ticket_url
        WHERE rowid = new.rowid * 16 + 10;
    END;
    "#,
    // 11: the undo journal of writes that commit in steps (db/journal.rs): one row per running
    // write, and the statements that reverse its changes, written with them.
    r#"
    CREATE TABLE undo_journals (
        id         TEXT PRIMARY KEY,
        what       TEXT NOT NULL,
        started_at TEXT NOT NULL,
        state      TEXT NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'done'))
    ) STRICT;
    CREATE TABLE undo_log (
        seq        INTEGER PRIMARY KEY,
        journal_id TEXT NOT NULL,
        stmt       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX undo_log_journal ON undo_log (journal_id, seq);
    "#,
    // 12: each finding's backing, kept by triggers (findings/backing.rs installs them), so
    // lists sort by it without counting every finding's backers.
    r#"
    -- Derived, so not a child of `findings` by foreign key: the trash snapshots a finding's
    -- children, and a restored finding is recounted by the triggers instead.
    CREATE TABLE finding_backing (
        finding_id TEXT PRIMARY KEY,
        backing    INTEGER NOT NULL,
        leads      INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER fb_findings_ad AFTER DELETE ON findings BEGIN
        DELETE FROM finding_backing WHERE finding_id = old.id;
    END;
    "#,
];

/// Work a migration needs that SQL cannot do, run in the same transaction right after its SQL.
fn after(version: i64, tx: &rusqlite::Transaction) -> Result<()> {
    if version == 8 {
        crate::people::backfill_name_keys(tx)?;
        crate::questions::backfill_filter_keys(tx)?;
    }
    if version == 12 {
        crate::findings::backing::install(tx)?;
    }
    Ok(())
}

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies the migrations after `from` up to `to`, each in its own transaction together with its
/// version bump, so a failure leaves the database at the last complete version.
pub(crate) fn migrate(conn: &mut Connection, from: i64, to: i64) -> Result<()> {
    let (from, to) = (from.max(0) as usize, to.max(0) as usize);
    for (i, sql) in MIGRATIONS.iter().enumerate().take(to).skip(from) {
        let version = i as i64 + 1;
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        after(version, &tx)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
        tracing::info!(version, "applied migration");
    }
    Ok(())
}
