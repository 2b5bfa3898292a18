/**
 * Orchestrator's embeddable core. Start with {@link io.orchestrator.core.Orchestrator#builder()}.
 */
package io.orchestrator.core;
