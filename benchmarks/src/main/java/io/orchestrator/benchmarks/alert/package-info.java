/** Alerting measurements that need a running server (DESIGN §12 figures). */
package io.orchestrator.benchmarks.alert;
