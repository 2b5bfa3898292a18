/** Command-line flags (Go-compatible syntax) and Go duration text. */
package io.orchestrator.server.cli;
