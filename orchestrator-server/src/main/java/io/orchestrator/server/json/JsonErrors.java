package io.orchestrator.server.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.orchestrator.core.report.InvalidReportException;
import java.time.temporal.Temporal;
import java.util.List;

/** Turns Jackson's failures into messages that name the JSON path and the problem. */
final class JsonErrors {
  private JsonErrors() {}

  static BadRequestException describe(JsonProcessingException e) {
    return BadRequestException.badRequest(message(e));
  }

  private static String message(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException) {
      String limit = e.getOriginalMessage();
      return limit.contains("nesting depth")
          ? "JSON nested too deeply (more than " + WireJson.MAX_NESTING + " levels)"
          : "JSON over a parser limit: " + limit.replaceAll(", from `[^`]*`\\)", ")");
    }
    String path = e instanceof JsonMappingException jme ? path(jme.getPath()) : "";
    String at = path.isEmpty() ? "" : path + ": ";
    if (e instanceof ValueInstantiationException
        && e.getCause() instanceof InvalidReportException ire) {
      return ire.getMessage(); // the model names the full path itself
    }
    if (e instanceof InvalidFormatException ife && isTime(ife.getTargetType())) {
      return at + "invalid RFC 3339 timestamp: \"" + ife.getValue() + "\"";
    }
    if (e instanceof InputCoercionException || e.getCause() instanceof InputCoercionException) {
      return at + "number out of range";
    }
    if (e instanceof MismatchedInputException mie) {
      return mismatch(at, mie);
    }
    if (e instanceof JsonParseException && e.getOriginalMessage().startsWith("Duplicate field")) {
      return "duplicate key in JSON object: " + e.getOriginalMessage().substring(16);
    }
    if (e instanceof JsonParseException) {
      return "malformed JSON at line "
          + e.getLocation().getLineNr()
          + " column "
          + e.getLocation().getColumnNr()
          + ": "
          + e.getOriginalMessage().split("\n", 2)[0];
    }
    return at + "invalid value: " + e.getOriginalMessage().split("\n", 2)[0];
  }

  private static String mismatch(String at, MismatchedInputException e) {
    String original = e.getOriginalMessage();
    if (original.startsWith("No content to map due to end-of-input")) {
      return "request body is empty";
    }
    Class<?> target = e.getTargetType();
    if (target == null) {
      return at + "invalid value";
    }
    if (isTime(target)) {
      return at + "invalid RFC 3339 timestamp";
    }
    if (target == int.class
        || target == long.class
        || target == Integer.class
        || target == Long.class) {
      return at + "expected an integer" + found(original);
    }
    if (target == double.class || target == Double.class) {
      return at + "expected a number" + found(original);
    }
    if (target == String.class) {
      return at + "expected a string" + found(original);
    }
    if (List.class.isAssignableFrom(target)) {
      return at + "expected an array or null";
    }
    return at + "expected a JSON object";
  }

  private static String found(String original) {
    if (original.contains("Floating-point value")) {
      int open = original.indexOf('(');
      int close = original.indexOf(')', open);
      return open > 0 && close > open ? ", got " + original.substring(open + 1, close) : "";
    }
    if (original.contains("from String") || original.contains("String value")) {
      return ", got a string";
    }
    if (original.contains("null")) {
      return ", got null";
    }
    return "";
  }

  private static boolean isTime(Class<?> type) {
    return type != null && Temporal.class.isAssignableFrom(type);
  }

  /** {@code a.b[3].c} from Jackson's reference chain. */
  static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      }
    }
    return sb.toString();
  }
}
