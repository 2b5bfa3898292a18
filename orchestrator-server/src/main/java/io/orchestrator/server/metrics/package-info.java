/** Prometheus metrics of the server and its engine (DESIGN §8), with client_java. */
package io.orchestrator.server.metrics;
