/**
 * Test support for Orchestrator users: {@link io.orchestrator.testkit.ProbeSimulator} produces
 * realistic probe traffic, {@link io.orchestrator.testkit.OrchestratorExtension} runs an in-process
 * server for JUnit 5 tests, {@link io.orchestrator.testkit.HubClient} reads the WebSocket feed.
 */
package io.orchestrator.testkit;
