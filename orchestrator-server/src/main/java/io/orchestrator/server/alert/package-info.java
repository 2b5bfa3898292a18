/**
 * Alerting over HTTP (DESIGN §12): rules as JSON and YAML, alerts as JSON, and the notifiers that
 * speak the Alertmanager webhook payload and Alertmanager's own API.
 */
package io.orchestrator.server.alert;
