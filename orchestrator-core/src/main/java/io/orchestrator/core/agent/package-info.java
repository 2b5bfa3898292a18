/** The agent registry: who is out there, when they were last seen, and whether they are stale. */
package io.orchestrator.core.agent;
