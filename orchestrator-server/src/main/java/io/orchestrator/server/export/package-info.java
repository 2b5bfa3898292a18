/**
 * Exports (DESIGN §9.3), streamed: JSON and NDJSON with Jackson's generator, CSV with
 * jackson-dataformat-csv, GraphML with the JDK's StAX writer. Nothing is concatenated by hand.
 */
package io.orchestrator.server.export;
