package io.orchestrator.core.report;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The container section of a report. Immutable and thread-safe; a null container list becomes
 * empty.
 *
 * @param containers the containers, never null
 * @param totalContainers number of containers
 * @param runningContainers number running
 * @param pausedContainers number paused
 * @param stoppedContainers number stopped
 * @param images number of images
 * @param dockerVersion container engine version
 * @param timestamp probe clock time of the section, may be null
 */
public record DockerInfo(
    List<Container> containers,
    int totalContainers,
    int runningContainers,
    int pausedContainers,
    int stoppedContainers,
    int images,
    String dockerVersion,
    OffsetDateTime timestamp) {

  /** Copies the container list, treating null as empty. */
  public DockerInfo {
    containers = Lists.copyOf(containers);
  }
}
