/** REST routes of DESIGN §4.2 and their cross-cutting concerns: errors, CORS, body limits. */
package io.orchestrator.server.http;
