package io.orchestrator.core.report;

import java.time.OffsetDateTime;

/**
 * One probe report ({@code POST /api/v1/reports}). Every section is optional.
 *
 * <p>The constructor validates the whole tree through {@link ReportValidation}, so an instance
 * always satisfies the wire contract. Immutable and thread-safe.
 *
 * @param agentId the reporting agent, 1..253 chars, no whitespace, control chars or '/'
 * @param hostname the host's name, may be null
 * @param timestamp probe clock time of the report, may be null
 * @param hostInfo host section, may be null
 * @param dockerInfo container section, may be null
 * @param processesInfo process section, may be null
 * @param networkInfo network section, may be null
 */
public record Report(
    String agentId,
    String hostname,
    OffsetDateTime timestamp,
    HostInfo hostInfo,
    DockerInfo dockerInfo,
    ProcessesInfo processesInfo,
    NetworkInfo networkInfo) {

  /** Validates the whole report; throws {@link InvalidReportException} naming the field. */
  public Report {
    ReportValidation.validate(
        agentId, hostname, new Report.Sections(hostInfo, dockerInfo, processesInfo, networkInfo));
  }

  /**
   * Checks an agent id against the wire rules: 1..253 characters, no whitespace, control characters
   * or '/'.
   *
   * @param field the JSON path to name in the error
   * @param id the id to check
   * @throws InvalidReportException when the id breaks a rule
   */
  public static void checkAgentId(String field, String id) {
    ReportValidation.agentId(field, id);
  }

  /** The hostname to register the agent under: the report's, else host_info's, else the id. */
  public String effectiveHostname() {
    if (hostname != null && !hostname.isBlank()) {
      return hostname;
    }
    if (hostInfo != null && hostInfo.hostname() != null && !hostInfo.hostname().isBlank()) {
      return hostInfo.hostname();
    }
    return agentId;
  }

  /** The optional sections, grouped so validation takes one argument. */
  record Sections(HostInfo host, DockerInfo docker, ProcessesInfo processes, NetworkInfo network) {}
}
