package io.orchestrator.server.cli;

import io.orchestrator.server.ServerConfig;
import io.orchestrator.server.security.JwtConfig;
import io.orchestrator.server.security.JwtKeys;
import io.orchestrator.server.security.SecurityConfig;
import io.orchestrator.server.security.Tls;
import io.orchestrator.server.security.TlsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The flags of DESIGN §8, validated at start: a certificate and key that do not belong together, a
 * JWT secret too short for HS256, an unreadable public key or access log, or {@code -secure}
 * without a certificate, is a message and exit 2. Stateless.
 */
final class SecurityFlags {
  private SecurityFlags() {}

  static void apply(Flags.FlagValues v, ServerConfig.Builder b) throws UsageException {
    boolean secure = bool("secure", v.get("secure"));
    SecurityConfig.Builder s = SecurityConfig.builder();
    s.auth(secure || onOff("auth", v.get("auth")));
    s.adminKey(blankToNull(v.get("admin-key")));
    s.jwt(jwt(v));
    TlsConfig tls = tls(v);
    if (secure && tls == null) {
      throw new UsageException(
          "invalid value: -secure needs a certificate (-tls-cert and -tls-key, or -tls-keystore)");
    }
    s.tls(tls);
    double rate = number("rate-limit", v.get("rate-limit"));
    s.rateLimit(secure && !v.isGiven("rate-limit") ? 50 : rate);
    String burst = v.get("rate-limit-burst").strip();
    if (!burst.isEmpty()) {
      s.rateLimitBurst((int) number("rate-limit-burst", burst));
    }
    s.accessLog(accessLog(v.get("access-log")));
    if (secure && !v.isGiven("cors-origins")) {
      b.corsOrigins(List.of());
    }
    try {
      b.security(s.build());
    } catch (IllegalArgumentException e) {
      throw new UsageException("invalid value: " + e.getMessage());
    }
  }

  private static JwtConfig jwt(Flags.FlagValues v) throws UsageException {
    String secret = blankToNull(v.get("jwt-secret"));
    String keyFile = blankToNull(v.get("jwt-public-key"));
    if (secret == null && keyFile == null) {
      if (blankToNull(v.get("jwt-issuer")) != null || blankToNull(v.get("jwt-audience")) != null) {
        throw new UsageException(
            "invalid value: -jwt-issuer and -jwt-audience need -jwt-secret or -jwt-public-key");
      }
      return null;
    }
    String pem = null;
    if (keyFile != null) {
      try {
        pem = Files.readString(Path.of(keyFile));
      } catch (IOException e) {
        throw new UsageException("invalid value: -jwt-public-key " + keyFile + " cannot be read");
      }
    }
    try {
      JwtConfig config =
          new JwtConfig(
              secret, pem, blankToNull(v.get("jwt-issuer")), blankToNull(v.get("jwt-audience")));
      JwtKeys.check(config);
      return config;
    } catch (IllegalArgumentException e) {
      throw new UsageException("invalid value: " + e.getMessage());
    }
  }

  private static TlsConfig tls(Flags.FlagValues v) throws UsageException {
    String cert = blankToNull(v.get("tls-cert"));
    String key = blankToNull(v.get("tls-key"));
    String store = blankToNull(v.get("tls-keystore"));
    if (cert == null && key == null && store == null) {
      return null;
    }
    try {
      TlsConfig tls =
          new TlsConfig(
              cert == null ? null : Path.of(cert),
              key == null ? null : Path.of(key),
              store == null ? null : Path.of(store),
              blankToNull(v.get("tls-keystore-password")));
      Tls.load(tls);
      return tls;
    } catch (IllegalArgumentException e) {
      throw new UsageException("invalid value: " + e.getMessage());
    }
  }

  private static String accessLog(String value) throws UsageException {
    String t = value.strip();
    if (t.equalsIgnoreCase("off") || t.equalsIgnoreCase("stdout")) {
      return t.toLowerCase(Locale.ROOT);
    }
    Path p = Path.of(t);
    Path dir = p.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir) || (Files.exists(p) && !Files.isWritable(p))) {
      throw new UsageException("invalid value: -access-log " + t + " cannot be written");
    }
    return t;
  }

  private static boolean onOff(String flag, String value) throws UsageException {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      default ->
          throw new UsageException(
              "invalid value \"" + value + "\" for flag -" + flag + ": on or off");
    };
  }

  private static boolean bool(String flag, String value) throws UsageException {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "on" -> true;
      case "false", "0", "off", "" -> false;
      default ->
          throw new UsageException(
              "invalid value \"" + value + "\" for flag -" + flag + ": true or false");
    };
  }

  private static double number(String flag, String value) throws UsageException {
    try {
      double d = Double.parseDouble(value.strip());
      if (d >= 0 && !Double.isInfinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "invalid value \"" + value + "\" for flag -" + flag + ": a non-negative number");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
