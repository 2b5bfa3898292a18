/**
 * Publish/subscribe of typed events. Publishing never blocks and never throws; each subscriber has
 * a bounded queue and is disconnected, not waited for, when it cannot keep up.
 */
package io.orchestrator.core.hub;
