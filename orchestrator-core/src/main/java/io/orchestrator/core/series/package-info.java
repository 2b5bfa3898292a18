/**
 * Time series of every numeric metric in the reports, per agent, at 15-second resolution with a
 * retention window. Storage is primitive: one {@code double} per metric per bucket, plus one byte
 * per bucket shared by the metrics that arrive together.
 */
package io.orchestrator.core.series;
