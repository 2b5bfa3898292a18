/** HTTP baselines for the server benchmarks (see {@code benchmarks/http-bench.sh}). */
package io.orchestrator.benchmarks.http;
