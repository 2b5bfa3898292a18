/** JMH benchmarks and memory measurements for the core; see BENCHMARKS.md for how to run them. */
package io.orchestrator.benchmarks;
