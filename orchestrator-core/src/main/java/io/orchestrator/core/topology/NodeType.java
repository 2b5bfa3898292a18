package io.orchestrator.core.topology;

import java.util.Locale;

/** The kinds of topology node. Immutable and thread-safe. */
public enum NodeType {
  /** A host, one per agent; id = agent id. */
  HOST,
  /** A container; id = container id as sent. */
  CONTAINER,
  /** A process; id = {@code <agent_id>-<pid>}. */
  PROCESS;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The wire form: {@code "host"}, {@code "container"}, {@code "process"}. */
  public String wireName() {
    return wireName;
  }
}
