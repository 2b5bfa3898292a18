package com.example.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orchestrator.testkit.OrchestratorExtension;
import io.orchestrator.testkit.ProbeSimulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The user's tests: the embedded core, the testkit's server and probes, and a clean classpath. */
class FleetServiceTest {
  @RegisterExtension static OrchestratorExtension server = new OrchestratorExtension();

  @Test
  void embeddedCoreAnswersQueriesOverReportsFromTheServicesOwnSource() {
    try (FleetService service = new FleetService()) {
      for (ProbeSimulator host : ProbeSimulator.fleet(3, 7, b -> b)) {
        service.accept(host.nextReport());
      }
      assertEquals(List.of("host-0", "host-1", "host-2"), service.find("type:host", 10));
      assertEquals(List.of("host-1"), service.find("type:host name:host-1", 10));
    }
  }

  @Test
  void testkitServerTakesAProbeOverHttp() {
    ProbeSimulator probe = server.probe("node-1").build();
    assertEquals(201, probe.register());
    assertEquals(202, probe.sendReport());
    assertEquals(1, server.orchestrator().agents().size());
  }

  @Test
  void libraryArtifactsBringNoLoggingBindingAndNoLoadGenerator() {
    ClassLoader loader = getClass().getClassLoader();
    for (String absent :
        List.of(
            "org.slf4j.simple.SimpleLogger",
            "org.HdrHistogram.Histogram",
            "io.orchestrator.loadgen.LoadGenerator")) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(absent, false, loader), absent);
    }
    assertTrue(loader.getResource("io/orchestrator/core/Orchestrator.class") != null);
  }
}
