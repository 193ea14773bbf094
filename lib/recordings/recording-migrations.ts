/**
 * The recordings database's schema, one step per version. `PRAGMA user_version`
 * holds the version a file is at; opening runs the steps it lacks, each in its own
 * transaction, so a file is always at exactly one known version. Steps are never
 * edited once shipped: a change is a new step.
 *
 * Samples are one row each, columns in the wire tuple's order and units (see
 * docs/recordings.md), so a notebook can read them with plain SQL. Rows are keyed
 * by (device_row, n) in a WITHOUT ROWID table: one B-tree, in recording order,
 * with no second index to keep.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE recordings (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    room TEXT,
    device_filter TEXT,
    origin TEXT NOT NULL CHECK (origin IN ('live', 'import')),
    imported_from TEXT,
    status TEXT NOT NULL CHECK (status IN ('recording', 'complete', 'interrupted')),
    end_reason TEXT,
    started_at_ms REAL NOT NULL,
    ended_at_ms REAL,
    label_set TEXT NOT NULL DEFAULT '[]',
    protocol TEXT,
    trim_start_ms REAL,
    trim_end_ms REAL,
    revision INTEGER NOT NULL DEFAULT 0,
    history_index INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE recording_devices (
    id INTEGER PRIMARY KEY,
    recording_id TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    device_id TEXT NOT NULL,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    platform TEXT NOT NULL,
    clock_offset_ms REAL NOT NULL,
    sample_count INTEGER NOT NULL DEFAULT 0,
    first_t_ms REAL,
    last_t_ms REAL,
    UNIQUE (recording_id, device_id)
  );
  CREATE TABLE samples (
    device_row INTEGER NOT NULL REFERENCES recording_devices (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    t_ms REAL NOT NULL,
    accel_g_x REAL NOT NULL,
    accel_g_y REAL NOT NULL,
    accel_g_z REAL NOT NULL,
    accel_x REAL,
    accel_y REAL,
    accel_z REAL,
    gyro_x REAL,
    gyro_y REAL,
    gyro_z REAL,
    orient_alpha REAL,
    orient_beta REAL,
    orient_gamma REAL,
    PRIMARY KEY (device_row, n)
  ) WITHOUT ROWID;
  CREATE TABLE labels (
    id INTEGER PRIMARY KEY,
    recording_id TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    t_start_ms REAL NOT NULL,
    t_end_ms REAL
  );
  CREATE INDEX labels_by_recording ON labels (recording_id, t_start_ms);
  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    recording_id TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    t_ms REAL NOT NULL,
    device_id TEXT NOT NULL,
    interaction TEXT NOT NULL,
    detector TEXT NOT NULL,
    score REAL
  );
  CREATE INDEX events_by_recording ON events (recording_id, t_ms);
  CREATE TABLE annotation_history (
    recording_id TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    step INTEGER NOT NULL,
    labels TEXT NOT NULL,
    trim TEXT,
    PRIMARY KEY (recording_id, step)
  ) WITHOUT ROWID;
  `,  // 2: usability studies (docs/studies.md). A study session's motion, detector events
  // and trial spans (as labels) live in its recording; the tables below hold the
  // study, its participants (ids only), and the session's trials and facilitator marks.
  // Events gain the detector slot (a study's role) and the decision time, so detection
  // latency can be computed from stored events; the live detectors' scores are kept
  // per slot, to see on the timeline how close a miss came to the threshold.
  `
  ALTER TABLE events ADD COLUMN slot TEXT;
  ALTER TABLE events ADD COLUMN detected_at_ms REAL;
  CREATE TABLE studies (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    created_at_ms REAL NOT NULL,
    updated_at_ms REAL NOT NULL
  );
  CREATE TABLE study_participants (
    study_id TEXT NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
    participant TEXT NOT NULL,
    position INTEGER NOT NULL,
    created_at_ms REAL NOT NULL,
    PRIMARY KEY (study_id, participant)
  ) WITHOUT ROWID;
  CREATE TABLE study_sessions (
    id TEXT PRIMARY KEY,
    study_id TEXT NOT NULL,
    participant TEXT NOT NULL,
    recording_id TEXT REFERENCES recordings (id) ON DELETE SET NULL,
    condition_order TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('consent', 'running', 'paused', 'complete', 'stopped', 'declined', 'interrupted')),
    end_reason TEXT,
    started_at_ms REAL NOT NULL,
    consent_at_ms REAL,
    ended_at_ms REAL,
    FOREIGN KEY (study_id, participant) REFERENCES study_participants (study_id, participant) ON DELETE CASCADE
  );
  CREATE INDEX study_sessions_by_participant ON study_sessions (study_id, participant);
  CREATE TABLE study_trials (
    session_id TEXT NOT NULL REFERENCES study_sessions (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    condition_id TEXT NOT NULL,
    trial_index INTEGER NOT NULL,
    prompt TEXT NOT NULL,
    role TEXT NOT NULL,
    time_limit_s REAL NOT NULL,
    prompt_at_ms REAL NOT NULL,
    end_at_ms REAL,
    end_reason TEXT,
    PRIMARY KEY (session_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE study_marks (
    id INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES study_sessions (id) ON DELETE CASCADE,
    seq INTEGER,
    kind TEXT NOT NULL CHECK (kind IN ('success', 'miss', 'false-trigger', 'note')),
    at_ms REAL NOT NULL,
    note TEXT
  );
  CREATE INDEX study_marks_by_session ON study_marks (session_id, at_ms);
  CREATE TABLE scores (
    recording_id TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    slot TEXT NOT NULL,
    t_ms REAL NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (recording_id, slot, t_ms)
  ) WITHOUT ROWID;
  `,
];
