/**
 * The live topology: hosts, containers and processes with parent-child and network edges, built
 * from each agent's latest report and published as immutable, versioned snapshots.
 */
package io.orchestrator.core.topology;
