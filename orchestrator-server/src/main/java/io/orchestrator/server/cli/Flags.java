package io.orchestrator.server.cli;

import io.orchestrator.server.ClusterConfig;
import io.orchestrator.server.ServerConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses the launcher's flags (DESIGN §5) the way Go's {@code flag} package accepts them: {@code
 * -name value}, {@code -name=value}, {@code --name value}, {@code --name=value}. Environment
 * variables ({@code ORCHESTRATOR_<NAME>}) fill in what flags do not set; flags win. Stateless and
 * thread-safe.
 */
public final class Flags {
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
    return build(values(args, env), env);
  }

  private static FlagValues values(String[] args, Map<String, String> env)
      throws HelpRequested, UsageException {
    Map<String, String> values = new HashMap<>();
    Set<String> given = new HashSet<>();
    for (Flag f : FlagList.FLAGS) {
      String fromEnv = env.get(f.env());
      values.put(f.name(), fromEnv != null ? fromEnv : f.defaultValue());
      if (fromEnv != null) {
        given.add(f.name());
      }
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
      Flag flag =
          FlagList.FLAGS.stream()
              .filter(f -> f.name().equals(name))
              .findFirst()
              .orElseThrow(() -> new UsageException("flag provided but not defined: -" + name));
      String value;
      if (eq >= 0) {
        value = body.substring(eq + 1);
      } else if (flag.bool()) {
        value = "true"; // -secure alone, as Go's flag package takes booleans
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new UsageException("flag needs an argument: -" + name);
      }
      values.put(name, value);
      given.add(name);
    }
    return new FlagValues(values, given);
  }

  private static ServerConfig build(FlagValues v, Map<String, String> env) throws UsageException {
    ServerConfig.Builder b = ServerConfig.builder();
    b.host(v.get("host"));
    b.port(port(v.get("port")));
    b.maxDataAge(duration("max-data-age", v.get("max-data-age")));
    b.cleanupInterval(duration("cleanup-interval", v.get("cleanup-interval")));
    b.staleThreshold(duration("stale-node-threshold", v.get("stale-node-threshold")));
    b.corsOrigins(cors(v.get("cors-origins")));
    b.maxBodySize(size("max-body-size", v.get("max-body-size")));
    b.shutdownGrace(duration("shutdown-grace", v.get("shutdown-grace")));
    try {
      b.storage(StorageFlags.storage(v, env));
      SecurityFlags.apply(v, b);
      b.alerts(AlertFlags.alerts(v));
      b.cluster(cluster(v));
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException("invalid value: " + e.getMessage());
    }
  }

  private static ClusterConfig cluster(FlagValues v) throws UsageException {
    List<String> nats =
        Arrays.stream(v.get("cluster").split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    for (String url : nats) {
      if (!url.matches("(nats|tls)://[^/\\s]+")) {
        throw new UsageException(
            "invalid value \"" + url + "\" for flag -cluster: nats://host:port[,...]");
      }
    }
    String nodeId = v.get("node-id").strip();
    return new ClusterConfig(nats, nodeId.isEmpty() ? null : nodeId);
  }

  /** Origins; "none" for none (same origin only), and an empty list is a mistake. */
  private static List<String> cors(String text) throws UsageException {
    if (text.strip().equalsIgnoreCase("none")) {
      return List.of();
    }
    List<String> origins =
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (origins.isEmpty()) {
      throw new UsageException(
          "invalid value \"" + text + "\" for flag -cors-origins: name origins, * or none");
    }
    return origins;
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
    for (Flag f : FlagList.FLAGS) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  -%-28s %s (%senv %s)%n",
              f.bool() ? f.name() : f.name() + " value",
              f.help(),
              f.defaultValue().isEmpty() ? "" : "default " + f.defaultValue() + ", ",
              f.env()));
    }
    sb.append("  -h, --help                     print this help\n");
    return sb.toString();
  }

  /**
   * One flag.
   *
   * @param name the flag name without dashes
   * @param defaultValue its default, as text
   * @param help what it sets
   * @param bool true for a boolean that may be given alone ({@code -secure})
   */
  record Flag(String name, String defaultValue, String help, boolean bool) {
    Flag(String name, String defaultValue, String help) {
      this(name, defaultValue, help, false);
    }

    String env() {
      return "ORCHESTRATOR_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }
  }

  /**
   * The flags' values: given on the command line, else in the environment, else the default.
   *
   * @param values every flag's value
   * @param given the flags set on the command line or in the environment
   */
  record FlagValues(Map<String, String> values, Set<String> given) {
    String get(String name) {
      return values.get(name);
    }

    boolean isGiven(String name) {
      return given.contains(name);
    }
  }
}
