package io.orchestrator.server.http;

import io.orchestrator.server.json.WireJson;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises before a request reaches a route (a malformed request line or
 * URI, a missing Host, headers over the limit, an unsupported HTTP version) in the API's own shape,
 * {@code {"error": "..."}} as JSON, instead of Jetty's HTML page. Thread-safe (stateless).
 */
final class JsonErrorHandler extends ErrorHandler {
  private static final String JSON = "application/json";

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback cb) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    String detail = message == null && cause != null ? cause.getMessage() : message;
    response.write(true, ByteBuffer.wrap(body(code, detail)), cb);
  }

  /**
   * {@code {"error": "<reason phrase>: <Jetty's detail>"}}, the detail left out when it adds
   * nothing.
   */
  static byte[] body(int status, String detail) {
    String phrase = HttpStatus.getMessage(status);
    String error =
        detail == null || detail.isBlank() || detail.equals(phrase)
            ? phrase
            : phrase + ": " + detail;
    return WireJson.write(Map.of("error", error));
  }
}
