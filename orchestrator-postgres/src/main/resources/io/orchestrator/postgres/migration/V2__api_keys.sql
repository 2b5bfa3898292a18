-- API keys (DESIGN §8), hashed: never the secret.
CREATE TABLE api_keys (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  role         text NOT NULL,
  agent_id     text,
  secret_hash  text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL,
  last_used_at timestamptz
);
