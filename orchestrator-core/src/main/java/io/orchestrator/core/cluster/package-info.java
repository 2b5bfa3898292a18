/**
 * Replicas of one fleet (DESIGN §11): the {@link io.orchestrator.core.cluster.ClusterBus} SPI that
 * carries {@link io.orchestrator.core.cluster.ClusterEvent}s between replicas, and the {@link
 * io.orchestrator.core.cluster.Membership} SPI that says who is up and which replica holds the
 * lease for the duties that must run once.
 */
package io.orchestrator.core.cluster;
