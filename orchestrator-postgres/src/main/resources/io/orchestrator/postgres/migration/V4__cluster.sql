-- Replicas (DESIGN §11): who is up, and which one holds the lease for the once-only duties.
-- Times come from the database's clock, so replicas' clocks need not agree.

CREATE TABLE cluster_members (
  node_id    text PRIMARY KEY,
  address    text NOT NULL,
  last_seen  timestamptz NOT NULL
);

CREATE TABLE cluster_lease (
  name       text PRIMARY KEY,
  holder     text NOT NULL,
  expires_at timestamptz NOT NULL
);
