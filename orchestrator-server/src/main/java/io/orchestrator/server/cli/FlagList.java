package io.orchestrator.server.cli;

import java.util.List;

/** Every flag with its default and meaning, in usage order (DESIGN §5, §8, §10). */
final class FlagList {
  static final List<Flags.Flag> FLAGS =
      List.of(
          new Flags.Flag("host", "0.0.0.0", "address to listen on"),
          new Flags.Flag("port", "8080", "port to listen on (0 = any free port, printed at start)"),
          new Flags.Flag("max-data-age", "1h", "how long time-series points are kept"),
          new Flags.Flag("cleanup-interval", "5m", "how often retention and stale cleanup run"),
          new Flags.Flag("stale-node-threshold", "5m", "silence after which an agent is stale"),
          new Flags.Flag(
              "cors-origins",
              "*",
              "comma-separated allowed CORS origins, * for any, none for none"),
          new Flags.Flag("max-body-size", "16MiB", "largest request body (bytes, or KiB/MiB/GiB)"),
          new Flags.Flag(
              "shutdown-grace", "10s", "time in-flight requests get to finish on shutdown"),
          new Flags.Flag(
              "storage", "memory", "memory, or postgres: PostgreSQL is the system of record"),
          new Flags.Flag(
              "database-url",
              "",
              "jdbc:postgresql://host:port/db (user and password from"
                  + " ORCHESTRATOR_DATABASE_USER/_PASSWORD, or in the URL)"),
          new Flags.Flag(
              "history-retention", "24h", "how long history and series stay in the database"),
          new Flags.Flag(
              "cluster",
              "",
              "nats://host:port[,...]: join the replicas on this NATS (JetStream); needs -storage"
                  + " postgres"),
          new Flags.Flag("node-id", "", "this replica's name (default: host name and port)"),
          new Flags.Flag(
              "auth",
              "off",
              "on: every route but /health, /api/v1/ping and OPTIONS needs a credential"),
          new Flags.Flag(
              "admin-key", "", "a bootstrap admin credential (secret; prefer the environment)"),
          new Flags.Flag("jwt-secret", "", "accept HS256 JWTs signed with this secret (32+ bytes)"),
          new Flags.Flag(
              "jwt-public-key",
              "",
              "accept RS256/ES256 JWTs verified with this PEM public key file"),
          new Flags.Flag("jwt-issuer", "", "when set, a JWT's iss must match"),
          new Flags.Flag("jwt-audience", "", "when set, a JWT's aud must contain it"),
          new Flags.Flag("tls-cert", "", "PEM certificate chain: serve HTTPS/WSS only (TLS 1.2+)"),
          new Flags.Flag("tls-key", "", "PEM (PKCS#8) private key of -tls-cert"),
          new Flags.Flag("tls-keystore", "", "a PKCS#12 keystore instead of -tls-cert/-tls-key"),
          new Flags.Flag("tls-keystore-password", "", "the keystore's password (secret)"),
          new Flags.Flag("rate-limit", "0", "requests per second per client (0 = no limit)"),
          new Flags.Flag(
              "rate-limit-burst", "", "requests a client may make at once (2x the rate)"),
          new Flags.Flag("access-log", "off", "stdout or a file path: one JSON line per request"),
          new Flags.Flag("alert-rules", "", "alert rules file: a JSON array, or YAML with rules:"),
          new Flags.Flag("alert-interval", "15s", "how often alert rules are evaluated"),
          new Flags.Flag(
              "alert-webhook", "", "URL[,URL] that get the Alertmanager webhook payload (v4)"),
          new Flags.Flag(
              "alertmanager-url", "", "Alertmanager URL[,URL] to push alerts to (/api/v2/alerts)"),
          new Flags.Flag(
              "external-url", "", "how alert receivers link back here (default: own address)"),
          new Flags.Flag(
              "secure",
              "false",
              "auth on, TLS required, CORS same-origin unless -cors-origins, -rate-limit 50 unless"
                  + " given",
              true));

  private FlagList() {}
}
