package io.orchestrator.server.cli;

import io.orchestrator.core.alert.AlertRule;
import io.orchestrator.server.AlertConfig;
import io.orchestrator.server.alert.RuleFiles;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The flags of DESIGN §12, validated at start: a rules file that does not parse names the rule and
 * field; a receiver URL that is not http(s) is refused without echoing it (it may hold a password).
 * Stateless.
 */
final class AlertFlags {
  private AlertFlags() {}

  static AlertConfig alerts(Flags.FlagValues v) throws UsageException {
    List<AlertRule> rules = List.of();
    String file = v.get("alert-rules").strip();
    if (!file.isEmpty()) {
      try {
        rules = RuleFiles.load(Path.of(file));
      } catch (IllegalArgumentException e) {
        throw new UsageException("invalid value for flag -alert-rules: " + e.getMessage());
      }
    }
    List<URI> external = urls("external-url", v.get("external-url"));
    if (external.size() > 1) {
      throw new UsageException("invalid value for flag -external-url: one URL");
    }
    try {
      return new AlertConfig(
          rules,
          Flags.duration("alert-interval", v.get("alert-interval")),
          new AlertConfig.Receivers(
              urls("alert-webhook", v.get("alert-webhook")),
              urls("alertmanager-url", v.get("alertmanager-url")),
              external.isEmpty() ? null : external.get(0)));
    } catch (IllegalArgumentException e) {
      throw new UsageException("invalid value for flag -" + e.getMessage());
    }
  }

  private static List<URI> urls(String flag, String text) throws UsageException {
    List<URI> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String s = part.strip();
      if (s.isEmpty()) {
        continue;
      }
      try {
        out.add(new URI(s));
      } catch (URISyntaxException e) {
        throw new UsageException(
            "invalid value for flag -" + flag + ": not a URL (http(s)://host[:port][/path])");
      }
    }
    return out;
  }
}
