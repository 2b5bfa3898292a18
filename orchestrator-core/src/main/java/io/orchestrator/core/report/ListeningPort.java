package io.orchestrator.core.report;

/**
 * A listening socket. Immutable and thread-safe.
 *
 * @param protocol "tcp" or "udp"
 * @param port port, 0..65535
 * @param addr bound address
 * @param pid owning process, 0 when unknown
 * @param processName owning process name, may be null
 */
public record ListeningPort(String protocol, int port, String addr, int pid, String processName) {}
