package io.orchestrator.core;

import io.orchestrator.core.report.Connection;
import io.orchestrator.core.report.NetworkInfo;
import io.orchestrator.core.report.ProcessInfo;
import io.orchestrator.core.report.ProcessesInfo;
import io.orchestrator.core.report.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Makes a report share with its agent's previous one the records that did not change (a process
 * with the same pid and values, the same socket), and a changed process the strings it kept (name,
 * command line, state, cgroup). A host's processes and sockets change little between two reports,
 * so what the new report keeps on the heap is mostly what is new: the freshly parsed copies die
 * young instead of being copied by the collector for as long as the report is the latest (an
 * agent's latest report is promoted long before it is replaced at a few thousand reports a second).
 * Stateless and thread-safe.
 */
final class ReportSharing {
  private ReportSharing() {}

  /** {@code next}, sharing what it can with {@code previous} (which may be null). */
  static Report share(Report previous, Report next) {
    if (previous == null) {
      return next;
    }
    return new Report(
        next.agentId(),
        next.hostname(),
        next.timestamp(),
        next.hostInfo(),
        next.dockerInfo(),
        processes(previous.processesInfo(), next.processesInfo()),
        network(previous.networkInfo(), next.networkInfo()));
  }

  private static ProcessesInfo processes(ProcessesInfo was, ProcessesInfo is) {
    if (was == null || is == null || was.processes().isEmpty() || is.processes().isEmpty()) {
      return is;
    }
    List<ProcessInfo> shared =
        shareAll(
            was.processes(),
            is.processes(),
            new Match<>((a, b) -> a.pid() == b.pid(), ProcessInfo::pid),
            ReportSharing::process);
    return new ProcessesInfo(shared, is.totalProcesses(), is.timestamp());
  }

  private static NetworkInfo network(NetworkInfo was, NetworkInfo is) {
    if (was == null || is == null) {
      return is;
    }
    return new NetworkInfo(
        shareAll(
            was.connections(),
            is.connections(),
            new Match<>(ReportSharing::sameConnection, c -> c),
            (a, b) -> a),
        is.totalConnections(),
        is.tcpConnections(),
        is.udpConnections(),
        shareAll(
            was.listeningPorts(),
            is.listeningPorts(),
            new Match<>(Object::equals, l -> l),
            (a, b) -> a),
        is.timestamp());
  }

  /**
   * Each of {@code is} shared with the element of {@code was} it matches: the one at the same index
   * when they match (reports list things in a stable order), else the one with the same key.
   */
  private static <T, K> List<T> shareAll(
      List<T> was, List<T> is, Match<T, K> match, BinaryOperator<T> sharer) {
    List<T> out = new ArrayList<>(is.size());
    Map<K, T> byKey = null;
    for (int i = 0; i < is.size(); i++) {
      T now = is.get(i);
      T before = i < was.size() && match.same.test(was.get(i), now) ? was.get(i) : null;
      if (before == null) {
        if (byKey == null) {
          byKey = byKey(was, match.key);
        }
        before = byKey.get(match.key.apply(now));
      }
      out.add(before == null ? now : sharer.apply(before, now));
    }
    return out;
  }

  private static <T, K> Map<K, T> byKey(List<T> list, Function<T, K> key) {
    Map<K, T> map = new HashMap<>(list.size() * 2);
    for (T t : list) {
      map.putIfAbsent(key.apply(t), t);
    }
    return map;
  }

  private static ProcessInfo process(ProcessInfo was, ProcessInfo is) {
    if (sameProcess(was, is)) {
      return was;
    }
    return new ProcessInfo(
        is.pid(),
        same(was.name(), is.name()),
        same(was.cmdline(), is.cmdline()),
        same(was.state(), is.state()),
        is.ppid(),
        is.uid(),
        is.gid(),
        is.threads(),
        is.cpuTime(),
        is.memoryMb(),
        is.openFiles(),
        same(was.cgroup(), is.cgroup()));
  }

  /**
   * A record's own equals, spelled out: the generated one goes through method handles that were not
   * inlined here, and cost more than the comparison itself (one process in 2,000 samples).
   */
  private static boolean sameProcess(ProcessInfo a, ProcessInfo b) {
    return a.pid() == b.pid()
        && a.ppid() == b.ppid()
        && a.uid() == b.uid()
        && a.gid() == b.gid()
        && a.threads() == b.threads()
        && a.openFiles() == b.openFiles()
        && Double.compare(a.cpuTime(), b.cpuTime()) == 0
        && Double.compare(a.memoryMb(), b.memoryMb()) == 0
        && Objects.equals(a.name(), b.name())
        && Objects.equals(a.cmdline(), b.cmdline())
        && Objects.equals(a.state(), b.state())
        && Objects.equals(a.cgroup(), b.cgroup());
  }

  private static boolean sameConnection(Connection a, Connection b) {
    return a.localPort() == b.localPort()
        && a.remotePort() == b.remotePort()
        && a.pid() == b.pid()
        && Objects.equals(a.localAddr(), b.localAddr())
        && Objects.equals(a.remoteAddr(), b.remoteAddr())
        && Objects.equals(a.state(), b.state())
        && Objects.equals(a.protocol(), b.protocol())
        && Objects.equals(a.processName(), b.processName());
  }

  private static String same(String was, String is) {
    return Objects.equals(was, is) ? was : is;
  }

  /**
   * How elements of two reports are paired.
   *
   * @param same whether two elements pair up (checked at the same index, without boxing)
   * @param key the key that pairs them up where the order changed
   */
  private record Match<T, K>(BiPredicate<T, T> same, Function<T, K> key) {}
}
