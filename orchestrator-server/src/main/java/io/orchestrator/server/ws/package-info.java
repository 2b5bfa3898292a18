/** The WebSocket feed of DESIGN §4.6. */
package io.orchestrator.server.ws;
