package io.orchestrator.core.report;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes a report arrived as: its wire form, kept beside the parsed {@link Report} so that it
 * can be served exactly as received (the same keys and the same numbers, DESIGN §4.2) and stored by
 * backends without a JSON library in core. Core never looks inside.
 *
 * <p>Immutable and thread-safe: {@link #of} takes ownership of the array, and nothing hands it out
 * for writing.
 */
public final class ReportBody {
  private final byte[] bytes;

  private ReportBody(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps {@code bytes} without copying; the caller must not modify the array afterwards.
   *
   * @throws IllegalArgumentException when empty
   */
  public static ReportBody of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length == 0) {
      throw new IllegalArgumentException("a report body is never empty");
    }
    return new ReportBody(bytes);
  }

  /** The length in bytes. */
  public int size() {
    return bytes.length;
  }

  /** A read-only view of the bytes. */
  public ByteBuffer asReadOnlyBuffer() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  /** A stream over the bytes. */
  public InputStream openStream() {
    return new ByteArrayInputStream(bytes);
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReportBody other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "ReportBody[" + bytes.length + " bytes]";
  }
}
