package io.orchestrator.core.report;

/**
 * One socket. Immutable and thread-safe.
 *
 * @param protocol "tcp" or "udp"
 * @param localAddr local address
 * @param localPort local port, 0..65535
 * @param remoteAddr remote address ("0.0.0.0" when unconnected)
 * @param remotePort remote port, 0..65535
 * @param state socket state ("ESTABLISHED", "LISTEN", ...)
 * @param pid owning process, 0 when unknown (the probe omits it then)
 * @param processName owning process name, may be null
 */
public record Connection(
    String protocol,
    String localAddr,
    int localPort,
    String remoteAddr,
    int remotePort,
    String state,
    int pid,
    String processName) {}
