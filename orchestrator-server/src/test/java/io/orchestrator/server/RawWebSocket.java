package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket client on a plain socket that reads only when told to, with a 4 KiB receive buffer:
 * the way to be a client that stops reading. Not thread-safe.
 */
final class RawWebSocket implements AutoCloseable {
  private static final int TEXT = 1;
  private static final int CONTINUATION = 0;
  private static final int CLOSE = 8;

  private final Socket socket;
  private final DataInputStream in;
  private final String handshake;

  private RawWebSocket(Socket socket, String handshake) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.handshake = handshake;
  }

  /** The server's 101 response head. */
  String handshake() {
    return handshake;
  }

  /** Completes the handshake on {@code port}; reads nothing after the 101 head. */
  static RawWebSocket connect(int port) throws IOException {
    Socket s = new Socket();
    s.setReceiveBufferSize(4096);
    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
    String upgrade =
        String.join(
            "\r\n",
            "GET /api/v1/ws HTTP/1.1",
            "Host: 127.0.0.1",
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Version: 13",
            "",
            "");
    s.getOutputStream().write(upgrade.getBytes(StandardCharsets.US_ASCII));
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = s.getInputStream().read();
      if (b < 0) {
        throw new IOException("handshake failed: " + head);
      }
      head.append((char) b);
    }
    assertThat(head.toString()).startsWith("HTTP/1.1 101");
    s.setSoTimeout(30_000); // a read that would hang fails the test instead
    return new RawWebSocket(s, head.toString());
  }

  /** Sends a masked text frame (a zero mask: valid, and the payload stays readable). */
  void sendText(String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    assertThat(payload.length).isLessThan(0x10000);
    OutputStream out = socket.getOutputStream();
    out.write(0x80 | TEXT);
    if (payload.length < 126) {
      out.write(0x80 | payload.length);
    } else {
      out.write(0x80 | 126);
      out.write(payload.length >>> 8);
      out.write(payload.length & 0xff);
    }
    out.write(new byte[4]);
    out.write(payload);
    out.flush();
  }

  /** The next text message, skipping control frames (the server's pings). */
  String readText() throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      Frame f = readFrame();
      if (f.opcode == TEXT || f.opcode == CONTINUATION) {
        message.write(f.payload);
        if (f.fin) {
          return message.toString(StandardCharsets.UTF_8);
        }
      }
    }
  }

  /** Reads until the server's close frame, skipping everything else, and returns its code. */
  int readCloseCode() throws IOException {
    for (Frame f = readFrame(); ; f = readFrame()) {
      if (f.opcode == CLOSE) {
        return ((f.payload[0] & 0xff) << 8) | (f.payload[1] & 0xff);
      }
    }
  }

  private Frame readFrame() throws IOException {
    int b0 = in.readUnsignedByte();
    int b1 = in.readUnsignedByte();
    long length = b1 & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[Math.toIntExact(length)];
    in.readFully(payload);
    return new Frame(b0 & 0x0f, (b0 & 0x80) != 0, payload);
  }

  private static final class Frame {
    private final int opcode;
    private final boolean fin;
    private final byte[] payload;

    Frame(int opcode, boolean fin, byte[] payload) {
      this.opcode = opcode;
      this.fin = fin;
      this.payload = payload;
    }
  }

  /** Whether the server has closed its end: the next read finds the end of the stream. */
  boolean serverHasClosed() throws IOException {
    return in.read() < 0;
  }

  boolean isClosed() {
    return socket.isClosed();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
