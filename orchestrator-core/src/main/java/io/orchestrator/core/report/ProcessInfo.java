package io.orchestrator.core.report;

/**
 * One process. Immutable and thread-safe.
 *
 * @param pid process id, positive
 * @param name executable name
 * @param cmdline full command line
 * @param state scheduler state ("S", "R", ...)
 * @param ppid parent process id
 * @param uid user id
 * @param gid group id
 * @param threads number of threads
 * @param cpuTime CPU time consumed
 * @param memoryMb resident memory in MiB
 * @param openFiles number of open files
 * @param cgroup a bare 64-hex container id or a raw cgroup path, may be null
 */
public record ProcessInfo(
    int pid,
    String name,
    String cmdline,
    String state,
    int ppid,
    long uid,
    long gid,
    int threads,
    double cpuTime,
    double memoryMb,
    int openFiles,
    String cgroup) {}
