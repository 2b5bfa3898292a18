package io.orchestrator.server.json;

import io.orchestrator.core.report.Connection;
import io.orchestrator.core.report.Container;
import io.orchestrator.core.report.ContainerStats;
import io.orchestrator.core.report.DockerInfo;
import io.orchestrator.core.report.ListeningPort;
import io.orchestrator.core.report.NetworkInfo;
import io.orchestrator.core.report.PortMapping;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The {@code network_info} and {@code docker_info} sections of {@link ReportReader}, each read with
 * the cursor on the section's first key. Not thread-safe: one reader per document.
 */
final class NetworkAndDockerReader {
  private final JsonCursor in;

  NetworkAndDockerReader(JsonCursor in) {
    this.in = in;
  }

  NetworkInfo network() throws IOException {
    List<Connection> connections = null;
    int total = 0;
    int tcp = 0;
    int udp = 0;
    List<ListeningPort> listening = null;
    OffsetDateTime timestamp = null;
    for (String f = in.nextField(); f != null; f = in.nextField()) {
      switch (f) {
        case "connections" -> connections = in.list(0, this::connection);
        case "total_connections" -> total = in.intValue(1);
        case "tcp_connections" -> tcp = in.intValue(2);
        case "udp_connections" -> udp = in.intValue(3);
        case "listening_ports" -> listening = in.list(4, this::listening);
        case "timestamp" -> timestamp = in.time(5);
        default -> in.skip(f);
      }
    }
    return new NetworkInfo(connections, total, tcp, udp, listening, timestamp);
  }

  private Connection connection() throws IOException {
    String protocol = null;
    String localAddr = null;
    int localPort = 0;
    String remoteAddr = null;
    int remotePort = 0;
    String state = null;
    int pid = 0;
    String processName = null;
    for (String f = in.nextField(); f != null; f = in.nextField()) {
      switch (f) {
        case "protocol" -> protocol = in.string(0);
        case "local_addr" -> localAddr = in.string(1);
        case "local_port" -> localPort = in.intValue(2);
        case "remote_addr" -> remoteAddr = in.string(3);
        case "remote_port" -> remotePort = in.intValue(4);
        case "state" -> state = in.string(5);
        case "pid" -> pid = in.intValue(6);
        case "process_name" -> processName = in.string(7);
        default -> in.skip(f);
      }
    }
    return new Connection(
        protocol, localAddr, localPort, remoteAddr, remotePort, state, pid, processName);
  }

  private ListeningPort listening() throws IOException {
    String protocol = null;
    int port = 0;
    String addr = null;
    int pid = 0;
    String processName = null;
    for (String f = in.nextField(); f != null; f = in.nextField()) {
      switch (f) {
        case "protocol" -> protocol = in.string(0);
        case "port" -> port = in.intValue(1);
        case "addr" -> addr = in.string(2);
        case "pid" -> pid = in.intValue(3);
        case "process_name" -> processName = in.string(4);
        default -> in.skip(f);
      }
    }
    return new ListeningPort(protocol, port, addr, pid, processName);
  }

  DockerInfo docker() throws IOException {
    List<Container> containers = null;
    int[] counts = new int[5]; // total, running, paused, stopped, images
    String version = null;
    OffsetDateTime timestamp = null;
    for (String f = in.nextField(); f != null; f = in.nextField()) {
      switch (f) {
        case "containers" -> containers = in.list(0, this::container);
        case "total_containers" -> counts[0] = in.intValue(1);
        case "running_containers" -> counts[1] = in.intValue(2);
        case "paused_containers" -> counts[2] = in.intValue(3);
        case "stopped_containers" -> counts[3] = in.intValue(4);
        case "images" -> counts[4] = in.intValue(5);
        case "docker_version" -> version = in.string(6);
        case "timestamp" -> timestamp = in.time(7);
        default -> in.skip(f);
      }
    }
    return new DockerInfo(
        containers, counts[0], counts[1], counts[2], counts[3], counts[4], version, timestamp);
  }

  private Container container() throws IOException {
    String[] text = new String[6]; // id, name, image, image_id, status, state
    OffsetDateTime created = null;
    List<PortMapping> ports = null;
    Map<String, String> labels = null;
    ContainerStats stats = null;
    for (String f = in.nextField(); f != null; f = in.nextField()) {
      switch (f) {
        case "id" -> text[0] = in.string(0);
        case "name" -> text[1] = in.string(1);
        case "image" -> text[2] = in.string(2);
        case "image_id" -> text[3] = in.string(3);
        case "status" -> text[4] = in.string(4);
        case "state" -> text[5] = in.string(5);
        case "created" -> created = in.time(6);
        case "ports" -> ports = in.list(7, this::port);
        case "labels" -> labels = in.strings(8);
        case "stats" -> stats = in.object(9) ? stats() : null;
        default -> in.skip(f);
      }
    }
    return new Container(
        text[0], text[1], text[2], text[3], text[4], text[5], created, ports, labels, stats);
  }

  private PortMapping port() throws IOException {
    int privatePort = 0;
    int publicPort = 0;
    String type = null;
    String ip = null;
    for (String f = in.nextField(); f != null; f = in.nextField()) {
      switch (f) {
        case "private_port" -> privatePort = in.intValue(0);
        case "public_port" -> publicPort = in.intValue(1);
        case "type" -> type = in.string(2);
        case "ip" -> ip = in.string(3);
        default -> in.skip(f);
      }
    }
    return new PortMapping(privatePort, publicPort, type, ip);
  }

  private ContainerStats stats() throws IOException {
    double[] v = new double[6];
    for (String f = in.nextField(); f != null; f = in.nextField()) {
      switch (f) {
        case "cpu_percent" -> v[0] = in.doubleValue(0);
        case "memory_usage_mb" -> v[1] = in.doubleValue(1);
        case "memory_limit_mb" -> v[2] = in.doubleValue(2);
        case "memory_percent" -> v[3] = in.doubleValue(3);
        case "network_rx_mb" -> v[4] = in.doubleValue(4);
        case "network_tx_mb" -> v[5] = in.doubleValue(5);
        default -> in.skip(f);
      }
    }
    return new ContainerStats(v[0], v[1], v[2], v[3], v[4], v[5]);
  }
}
