/**
 * Alerting (DESIGN §12): rules written in the query language over the topology, its edges and the
 * agents; an evaluator that moves alerts through pending, firing and resolved on an injected clock;
 * and notifiers behind a bounded, retrying dispatcher, so that a dead receiver never slows
 * ingestion or evaluation.
 */
package io.orchestrator.core.alert;
