package io.orchestrator.core.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A node's metadata behaves as an unmodifiable, ordered copy of the map it was given. */
class NodeMetadataTest {
  private static Map<String, Object> source() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pid", 42);
    m.put("cmdline", "/usr/bin/java -jar app.jar");
    m.put("labels", null);
    m.put("cpu_usage", 12.5);
    m.put("listening_ports", List.of(Map.of("port", 8080)));
    return m;
  }

  private static Node node(Map<String, Object> metadata) {
    return new Node("a;42", NodeType.PROCESS, "java", "a", metadata);
  }

  @Test
  void keepsEveryEntryInTheOrderGiven() {
    Map<String, Object> m = node(source()).metadata();
    assertThat(m.keySet())
        .containsExactly("pid", "cmdline", "labels", "cpu_usage", "listening_ports");
    assertThat(m.get("cpu_usage")).isEqualTo(12.5);
    assertThat(m.get(new String("pid".toCharArray()))).isEqualTo(42);
    assertThat(m).containsKey("labels").hasSize(5);
    assertThat(m.get("labels")).isNull();
    assertThat(m.get("memory_mb")).isNull();
    assertThat(m.containsKey("memory_mb")).isFalse();
    assertThat(m.get(null)).isNull();
    Map<String, Object> seen = new LinkedHashMap<>();
    m.forEach(seen::put);
    assertThat(seen).containsExactlyEntriesOf(source());
  }

  @Test
  void equalsAnyMapWithTheSameEntries() {
    Map<String, Object> m = node(source()).metadata();
    assertThat(m).isEqualTo(new HashMap<>(source())).hasSameHashCodeAs(source());
    assertThat(source()).isEqualTo(m);
    assertThat(node(source())).isEqualTo(node(source()));
    assertThat(m.toString()).isEqualTo(source().toString());
  }

  @Test
  void isACopyNoOneCanChange() {
    Map<String, Object> given = source();
    Map<String, Object> m = node(given).metadata();
    given.put("pid", 7);
    assertThat(m.get("pid")).isEqualTo(42);
    assertThatThrownBy(() -> m.put("pid", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.remove("pid")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(m::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.entrySet().iterator().next().setValue(1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(node(m).metadata()).isSameAs(m);
  }

  @Test
  void noMetadataIsAnEmptyMap() {
    assertThat(node(null).metadata()).isEmpty();
    assertThat(node(Map.of()).metadata()).isEmpty();
  }
}
