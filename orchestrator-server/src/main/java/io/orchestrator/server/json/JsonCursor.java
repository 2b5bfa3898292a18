package io.orchestrator.server.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads over a streaming parser with the wire mapping's rules (those of {@link WireJson}): a
 * string is not a number, 1.5 is not an integer, null or absent is the Go zero value, a key appears
 * once per object. Each read names the field's bit in its object, so a duplicate key costs a bit
 * test rather than a set per object; keys the reader does not know are checked with a set, made
 * only when one appears. Failures are {@link BadRequestException}s naming the JSON path, built only
 * when they happen. Not thread-safe: one cursor per document.
 */
final class JsonCursor {
  /** Objects the reader itself descends into; deeper unknown values are skipped, not tracked. */
  private static final int MAX_DEPTH = 16;

  /** Reads one element of an array, the parser on its {@code START_OBJECT}. */
  @FunctionalInterface
  interface Element<T> {
    T read() throws IOException;
  }

  private final JsonParser p;
  private final StringCache strings = StringCache.shared();
  private final long[] seen = new long[MAX_DEPTH];
  private final List<Set<String>> unknown = new ArrayList<>(MAX_DEPTH);
  private int depth = -1;

  JsonCursor(JsonParser p) {
    this.p = p;
    for (int i = 0; i < MAX_DEPTH; i++) {
      unknown.add(null);
    }
  }

  /** Enters an object whose {@code START_OBJECT} was just read. */
  void enter() {
    depth++;
    seen[depth] = 0;
    unknown.set(depth, null);
  }

  /** The next key of the current object, or null at its end (leaving it). */
  String nextField() throws IOException {
    String name = p.nextFieldName();
    if (name == null) {
      depth--;
    }
    return name;
  }

  /** Skips the value of a key the reader does not know, still refusing duplicate keys. */
  void skip(String name) throws IOException {
    Set<String> names = unknown.get(depth);
    if (names == null) {
      names = new HashSet<>();
      unknown.set(depth, names);
    }
    if (!names.add(name)) {
      throw duplicate(name);
    }
    skipValue(p.nextToken());
  }

  private void skipValue(JsonToken t) throws IOException {
    if (t == JsonToken.START_OBJECT) {
      Set<String> names = new HashSet<>();
      for (String n = p.nextFieldName(); n != null; n = p.nextFieldName()) {
        if (!names.add(n)) {
          throw duplicate(n);
        }
        skipValue(p.nextToken());
      }
    } else if (t == JsonToken.START_ARRAY) {
      for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
        skipValue(e);
      }
    }
  }

  /** The value of the key at {@code bit} is an object (true, entered) or null (false). */
  boolean object(int bit) throws IOException {
    once(bit);
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    if (t != JsonToken.START_OBJECT) {
      throw fail("expected a JSON object" + got(t));
    }
    enter();
    return true;
  }

  int intValue(int bit) throws IOException {
    long v = longValue(bit);
    if (v != (int) v) {
      throw fail("number out of range");
    }
    return (int) v;
  }

  long longValue(int bit) throws IOException {
    once(bit);
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      try {
        return p.getLongValue();
      } catch (InputCoercionException e) {
        throw fail("number out of range");
      }
    }
    return zeroOrFail(t, "expected an integer");
  }

  double doubleValue(int bit) throws IOException {
    once(bit);
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDoubleValue();
    }
    return zeroOrFail(t, "expected a number");
  }

  private int zeroOrFail(JsonToken t, String expected) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return 0;
    }
    throw fail(expected + got(t));
  }

  String string(int bit) throws IOException {
    once(bit);
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_STRING) {
      return text();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw fail("expected a string" + got(t));
  }

  /** The string value just read, through the {@link StringCache}. */
  private String text() throws IOException {
    return strings.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
  }

  /** An RFC 3339 timestamp with its offset as sent (surrounding blanks ignored); null for null. */
  OffsetDateTime time(int bit) throws IOException {
    String s = string(bit);
    if (s == null) {
      return null;
    }
    try {
      return Rfc3339.parse(s.trim());
    } catch (DateTimeParseException e) {
      throw fail("invalid RFC 3339 timestamp: \"" + shorten(s) + "\"");
    }
  }

  /** An array of objects read by {@code element}, null elements kept; null for a null array. */
  <T> List<T> list(int bit, Element<T> element) throws IOException {
    once(bit);
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_ARRAY) {
      throw fail("expected an array or null" + got(t));
    }
    List<T> out = new ArrayList<>();
    for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == JsonToken.VALUE_NULL) {
        out.add(null);
      } else if (t == JsonToken.START_OBJECT) {
        enter();
        out.add(element.read());
      } else {
        throw fail("expected a JSON object" + got(t));
      }
    }
    return out;
  }

  /** An object of strings (values may be null), in the order sent; null for null. */
  Map<String, String> strings(int bit) throws IOException {
    if (!object(bit)) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String key = nextField(); key != null; key = nextField()) {
      if (out.containsKey(key)) {
        throw duplicate(key);
      }
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_STRING) {
        out.put(key, text());
      } else if (t == JsonToken.VALUE_NULL) {
        out.put(key, null);
      } else {
        throw fail("expected a string" + got(t));
      }
    }
    return out;
  }

  private void once(int bit) {
    long mask = 1L << bit;
    if ((seen[depth] & mask) != 0) {
      throw duplicate(currentName());
    }
    seen[depth] |= mask;
  }

  private String currentName() {
    String name = p.getParsingContext().getCurrentName();
    return name == null ? "" : name;
  }

  private static BadRequestException duplicate(String name) {
    return BadRequestException.badRequest("duplicate key in JSON object: '" + name + "'");
  }

  /** A 400 naming the path of the value just read. */
  BadRequestException fail(String problem) {
    String path = path();
    return BadRequestException.badRequest(path.isEmpty() ? problem : path + ": " + problem);
  }

  private String got(JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> ", got a string";
      case VALUE_NULL -> ", got null";
      case START_OBJECT -> ", got an object";
      case START_ARRAY -> ", got an array";
      case VALUE_TRUE, VALUE_FALSE, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          ", got " + shorten(p.getText());
      default -> "";
    };
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  /** {@code a.b[3].c} for the value just read, from the parser's own context. */
  private String path() {
    JsonStreamContext c = p.getParsingContext();
    if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
      c = c.getParent(); // the value opened a context of its own
    }
    List<String> parts = new ArrayList<>();
    for (; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add("[" + c.getCurrentIndex() + "]");
      } else if (c.getCurrentName() != null) {
        parts.add(
            (c.getParent() != null && c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = parts.size() - 1; i >= 0; i--) {
      sb.append(parts.get(i));
    }
    return sb.toString();
  }
}
