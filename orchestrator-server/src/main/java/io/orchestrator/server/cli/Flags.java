package io.orchestrator.server.cli;

import io.orchestrator.server.ServerConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the launcher's flags (DESIGN §5) the way Go's {@code flag} package accepts them: {@code
 * -name value}, {@code -name=value}, {@code --name value}, {@code --name=value}. Environment
 * variables ({@code ORCHESTRATOR_<NAME>}) fill in what flags do not set; flags win. Stateless and
 * thread-safe.
 */
public final class Flags {
  /** Every flag with its environment variable, default and meaning, in usage order. */
  static final List<Flag> FLAGS =
      List.of(
          new Flag("host", "0.0.0.0", "address to listen on"),
          new Flag("port", "8080", "port to listen on (0 = any free port, printed at start)"),
          new Flag("max-data-age", "1h", "how long time-series points are kept"),
          new Flag("cleanup-interval", "5m", "how often retention and stale cleanup run"),
          new Flag("stale-node-threshold", "5m", "silence after which an agent is stale"),
          new Flag("cors-origins", "*", "comma-separated allowed CORS origins, * for any"),
          new Flag("max-body-size", "16MiB", "largest request body (bytes, or KiB/MiB/GiB)"),
          new Flag("shutdown-grace", "10s", "time in-flight requests get to finish on shutdown"),
          new Flag("storage", "memory", "memory, or postgres: PostgreSQL is the system of record"),
          new Flag(
              "database-url",
              "",
              "jdbc:postgresql://host:port/db (user and password from"
                  + " ORCHESTRATOR_DATABASE_USER/_PASSWORD, or in the URL)"),
          new Flag("history-retention", "24h", "how long history and series stay in the database"));

  private Flags() {}

  /** Thrown for {@code -h}/{@code --help}. */
  public static final class HelpRequested extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Builds the configuration from {@code args} and {@code env}.
   *
   * @throws HelpRequested when help was asked for
   * @throws UsageException naming the unknown flag or invalid value
   */
  public static ServerConfig parse(String[] args, Map<String, String> env)
      throws HelpRequested, UsageException {
    Map<String, String> values = values(args, env);
    return build(values, env);
  }

  private static Map<String, String> values(String[] args, Map<String, String> env)
      throws HelpRequested, UsageException {
    Map<String, String> values = new HashMap<>();
    for (Flag f : FLAGS) {
      values.put(f.name(), env.getOrDefault(f.env(), f.defaultValue()));
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-") || arg.equals("-") || arg.equals("--")) {
        throw new UsageException("unexpected argument: " + arg);
      }
      String body = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
      if (body.equals("h") || body.equals("help")) {
        throw new HelpRequested();
      }
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      if (FLAGS.stream().noneMatch(f -> f.name().equals(name))) {
        throw new UsageException("flag provided but not defined: -" + name);
      }
      String value;
      if (eq >= 0) {
        value = body.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new UsageException("flag needs an argument: -" + name);
      }
      values.put(name, value);
    }
    return values;
  }

  private static ServerConfig build(Map<String, String> v, Map<String, String> env)
      throws UsageException {
    ServerConfig.Builder b = ServerConfig.builder();
    b.host(v.get("host"));
    b.port(port(v.get("port")));
    b.maxDataAge(duration("max-data-age", v.get("max-data-age")));
    b.cleanupInterval(duration("cleanup-interval", v.get("cleanup-interval")));
    b.staleThreshold(duration("stale-node-threshold", v.get("stale-node-threshold")));
    b.corsOrigins(
        Arrays.stream(v.get("cors-origins").split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList());
    b.maxBodySize(size("max-body-size", v.get("max-body-size")));
    b.shutdownGrace(duration("shutdown-grace", v.get("shutdown-grace")));
    try {
      b.storage(StorageFlags.storage(v, env));
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException("invalid value: " + e.getMessage());
    }
  }

  private static int port(String text) throws UsageException {
    try {
      int p = Integer.parseInt(text.strip());
      if (p >= 0 && p <= 65_535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("invalid value \"" + text + "\" for flag -port: must be 0..65535");
  }

  static Duration duration(String flag, String text) throws UsageException {
    Duration d;
    try {
      d = GoDuration.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "invalid value \""
              + text
              + "\" for flag -"
              + flag
              + ": not a duration (e.g. 90s, 5m, 1h30m)");
    }
    if (d.isNegative() || d.isZero()) {
      throw new UsageException(
          "invalid value \"" + text + "\" for flag -" + flag + ": must be positive");
    }
    return d;
  }

  private static long size(String flag, String text) throws UsageException {
    String t = text.strip().toUpperCase(Locale.ROOT);
    long unit = 1;
    for (String[] suffix :
        new String[][] {
          {"GIB", "30"},
          {"MIB", "20"},
          {"KIB", "10"},
          {"GB", "30"},
          {"MB", "20"},
          {"KB", "10"},
          {"G", "30"},
          {"M", "20"},
          {"K", "10"},
          {"B", "0"}
        }) {
      if (t.endsWith(suffix[0])) {
        unit = 1L << Integer.parseInt(suffix[1]);
        t = t.substring(0, t.length() - suffix[0].length()).strip();
        break;
      }
    }
    try {
      long n = Long.parseLong(t);
      if (n > 0 && n <= Long.MAX_VALUE / unit) {
        return n * unit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "invalid value \""
            + text
            + "\" for flag -"
            + flag
            + ": must be a positive size such as 16MiB");
  }

  /** The usage text. */
  public static String usage() {
    StringBuilder sb =
        new StringBuilder(
            "Usage: java -jar orchestrator-server.jar [flags]\n\nFlags (also -name=value, --name value, --name=value):\n");
    for (Flag f : FLAGS) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  -%-22s %s (default %s, env %s)%n",
              f.name() + " value",
              f.help(),
              f.defaultValue(),
              f.env()));
    }
    sb.append("  -h, --help               print this help\n");
    return sb.toString();
  }

  /**
   * One flag.
   *
   * @param name the flag name without dashes
   * @param defaultValue its default, as text
   * @param help what it sets
   */
  record Flag(String name, String defaultValue, String help) {
    String env() {
      return "ORCHESTRATOR_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }
  }
}
