-- Alert rules (DESIGN §12). Labels and annotations as parallel arrays of names and values, so the
-- schema needs no JSON and a rule reads back exactly as it was stored.
CREATE TABLE alert_rules (
  name              text PRIMARY KEY,
  kind              text NOT NULL,
  query             text NOT NULL,
  for_ms            bigint NOT NULL,
  severity          text NOT NULL,
  label_names       text[] NOT NULL,
  label_values      text[] NOT NULL,
  annotation_names  text[] NOT NULL,
  annotation_values text[] NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now()
);
