package io.orchestrator.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 on a plain socket, for requests no HTTP client would send. */
final class RawHttp {
  private RawHttp() {}

  /**
   * Sends {@code request} (ISO-8859-1) on a fresh connection to {@code port} and returns all that
   * arrives until the server closes it. The server may stop reading and close before the request is
   * all sent; that write error is ignored, and a reset after the answer still leaves the answer.
   */
  static String exchange(int port, String request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(10_000); // a read that would hang fails the test instead
      try {
        s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      } catch (SocketException e) {
        // the server closed while the rest was still being sent
      }
      return readUntilClosed(s.getInputStream());
    }
  }

  private static String readUntilClosed(InputStream in) {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        got.write(buf, 0, n);
      }
    } catch (IOException e) {
      // a reset: keep what came before it
    }
    return got.toString(StandardCharsets.UTF_8);
  }
}
