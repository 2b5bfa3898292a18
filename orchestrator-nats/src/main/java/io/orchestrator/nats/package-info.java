/**
 * The cluster bus on NATS JetStream ({@link io.orchestrator.nats.NatsClusterBus}): every replica
 * publishes what it committed to one stream and reads the others' from it.
 */
package io.orchestrator.nats;
