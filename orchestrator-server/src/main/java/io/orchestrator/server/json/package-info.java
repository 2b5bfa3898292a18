/** The wire format's JSON mapping, in one place: snake_case, RFC 3339 timestamps, clear errors. */
package io.orchestrator.server.json;
