-- Orchestrator's system of record (DESIGN §10). Reports are appended to report_log in group
-- commits, one row each; a compaction folds closed periods of it into latest_reports,
-- report_history and series_blocks and deletes what it folded.

CREATE TABLE agents (
  agent_id        text PRIMARY KEY,
  hostname        text NOT NULL,
  metadata_keys   text[] NOT NULL DEFAULT '{}',
  metadata_values text[] NOT NULL DEFAULT '{}',
  registered_at   timestamptz NOT NULL,
  last_seen       timestamptz NOT NULL
);

-- Every acknowledged report, as received, until compaction folds it.
CREATE TABLE report_log (
  id          bigserial PRIMARY KEY,
  agent_id    text NOT NULL,
  received_at timestamptz NOT NULL,
  kept        boolean NOT NULL,
  body        bytea COMPRESSION lz4 NOT NULL
);
CREATE INDEX report_log_agent ON report_log (agent_id, received_at);

-- Each agent's latest report as of the last compaction (newer ones are still in report_log).
CREATE TABLE latest_reports (
  agent_id    text PRIMARY KEY,
  received_at timestamptz NOT NULL,
  body        bytea COMPRESSION lz4 NOT NULL
) WITH (fillfactor = 50);

-- Reports at which an agent's sub-graph changed shape (folded from report_log).
CREATE TABLE report_history (
  agent_id    text NOT NULL,
  received_at timestamptz NOT NULL,
  body        bytea COMPRESSION lz4 NOT NULL,
  PRIMARY KEY (agent_id, received_at)
);

-- Intervals during which an agent reported; the open one (ended_at null) ends at its latest report.
CREATE TABLE agent_activity (
  agent_id   text NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at   timestamptz,
  PRIMARY KEY (agent_id, started_at)
);

-- Closed periods of an agent's series: every family and entity, Gorilla-encoded.
CREATE TABLE series_blocks (
  agent_id     text NOT NULL,
  first_bucket bigint NOT NULL,
  last_bucket  bigint NOT NULL,
  data         bytea NOT NULL,
  PRIMARY KEY (agent_id, first_bucket)
);
