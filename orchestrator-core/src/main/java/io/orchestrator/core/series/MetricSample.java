package io.orchestrator.core.series;

import java.util.Arrays;
import java.util.Objects;

/**
 * One family's values from one report: what a report contributes to the time series. Immutable and
 * thread-safe.
 */
public final class MetricSample {
  private final MetricFamily family;
  private final String entity;
  private final double[] values;

  /**
   * Creates a sample.
   *
   * @param family the metric family
   * @param entity the container id or pid for per-entity families, else null
   * @param values one value per metric of the family, in the family's order (copied)
   */
  public MetricSample(MetricFamily family, String entity, double... values) {
    this.family = Objects.requireNonNull(family, "family");
    this.values = Objects.requireNonNull(values, "values").clone();
    if (values.length != family.width()) {
      throw new IllegalArgumentException(
          family + " has " + family.width() + " metrics, not " + values.length);
    }
    if (family.perEntity() == (entity == null)) {
      throw new IllegalArgumentException(
          family + (entity == null ? " needs" : " has no") + " entity");
    }
    this.entity = entity;
  }

  /** The metric family. */
  public MetricFamily family() {
    return family;
  }

  /** The container id or pid, or null for host families. */
  public String entity() {
    return entity;
  }

  /** The value of metric {@code f} of the family. */
  public double value(int f) {
    return values[f];
  }

  /** The name of metric {@code f}, e.g. {@code process.42.threads}. */
  public String metricName(int f) {
    return family.metricName(entity, f);
  }

  /** The values, not to be modified: for the stores of this package. */
  double[] values() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetricSample s
        && family == s.family
        && Objects.equals(entity, s.entity)
        && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(family, entity, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return family + (entity == null ? "" : "[" + entity + "]") + Arrays.toString(values);
  }
}
