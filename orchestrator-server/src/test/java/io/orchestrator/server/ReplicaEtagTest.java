package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.cluster.InMemoryClusterBus;
import io.orchestrator.core.cluster.Member;
import io.orchestrator.core.cluster.Membership;
import io.orchestrator.server.json.JsonReportCodec;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two replicas' servers: the topology's ETag holds whichever one answers (DESIGN §11). */
class ReplicaEtagTest {
  private final InMemoryClusterBus.Group group = InMemoryClusterBus.group();
  private final Orchestrator a = replica("a");
  private final Orchestrator b = replica("b");
  private final TestServer serverA = TestServer.around(a, c -> c);
  private final TestServer serverB = TestServer.around(b, c -> c);

  /** One of two replicas; which one leads does not matter here. */
  private record Named(String nodeId) implements Membership {
    @Override
    public boolean leader() {
      return nodeId.equals("a");
    }

    @Override
    public List<Member> members() {
      return List.of(new Member(nodeId, nodeId, Instant.EPOCH, leader()));
    }

    @Override
    public void close() {}
  }

  private Orchestrator replica(String id) {
    return Orchestrator.builder()
        .reportCodec(JsonReportCodec.INSTANCE)
        .cluster(group.join(), new Named(id))
        .build();
  }

  @AfterEach
  void close() {
    serverA.close();
    serverB.close();
    a.close();
    b.close();
  }

  @Test
  void aTopologyETagFromOneReplicaIsANotModifiedOnTheOther() {
    assertThat(serverA.post("/api/v1/reports", TestServer.fixture()).statusCode()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                etag(serverB, "/api/v1/query/topology")
                    .equals(etag(serverA, "/api/v1/query/topology")));
    String tag = etag(serverA, "/api/v1/query/topology");
    HttpRequest conditional =
        HttpRequest.newBuilder(serverB.uri("/api/v1/query/topology"))
            .header("If-None-Match", tag)
            .build();
    assertThat(serverB.send(conditional).statusCode()).isEqualTo(304);
    String filtered = "/api/v1/query/topology?q=type:host";
    assertThat(etag(serverB, filtered)).isEqualTo(etag(serverA, filtered)).isNotEqualTo(tag);
  }

  private static String etag(TestServer s, String path) {
    return s.get(path).headers().firstValue("ETag").orElseThrow();
  }
}
