package io.orchestrator.core.report;

/**
 * A container port mapping. Immutable and thread-safe.
 *
 * @param privatePort port inside the container
 * @param publicPort port on the host, 0 when not published
 * @param type protocol ("tcp", "udp")
 * @param ip host address it is bound to
 */
public record PortMapping(int privatePort, int publicPort, String type, String ip) {}
