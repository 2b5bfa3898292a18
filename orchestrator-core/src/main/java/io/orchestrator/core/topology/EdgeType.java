package io.orchestrator.core.topology;

/** The kinds of topology edge. Immutable and thread-safe. */
public enum EdgeType {
  /** Host to container, or container/host to process. */
  PARENT_CHILD("parent-child"),
  /** Connections from a process (or host) to the owner of the remote endpoint. */
  NETWORK("network");

  private final String wireName;

  EdgeType(String wireName) {
    this.wireName = wireName;
  }

  /** The wire form: {@code "parent-child"} or {@code "network"}. */
  public String wireName() {
    return wireName;
  }
}
