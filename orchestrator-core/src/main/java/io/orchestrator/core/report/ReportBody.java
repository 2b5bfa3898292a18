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
 * <p>A body that is kept (the latest report of each agent, history) is {@linkplain #compact()
 * compacted}: deflated, a probe's 25 KB report to ~3 KB. Every reader still gets the bytes as
 * received.
 *
 * <p>Immutable and thread-safe: {@link #of} takes ownership of the array, and nothing hands it out
 * for writing.
 */
public final class ReportBody {
  /** Below this many bytes deflating saves too little to pay for itself. */
  private static final int COMPACT_FROM = 1024;

  /** NUL and the received length, before the deflated bytes of a stored compacted body. */
  private static final int STORED_HEADER = 5;

  private final byte[] bytes; // as received, or deflated
  private final int size;
  private final boolean deflated;

  private ReportBody(byte[] bytes, int size, boolean deflated) {
    this.bytes = bytes;
    this.size = size;
    this.deflated = deflated;
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
    return new ReportBody(bytes, bytes.length, false);
  }

  /**
   * The {@code length} bytes of {@code buffer} from {@code offset}, held as {@link #compact()}
   * holds them, without keeping {@code buffer}: a transport can read every request into one reused
   * buffer, and the only array a report then adds to the heap is the few KB it keeps.
   *
   * @throws IllegalArgumentException when empty
   * @throws IndexOutOfBoundsException when the range is outside {@code buffer}
   */
  public static ReportBody compacted(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      throw new IllegalArgumentException("a report body is never empty");
    }
    byte[] d = deflated(buffer, offset, length);
    return d != null
        ? new ReportBody(d, length, true)
        : new ReportBody(Arrays.copyOfRange(buffer, offset, offset + length), length, false);
  }

  /**
   * The same bytes held deflated, for a body that is kept: what stays on the heap for every agent
   * shrinks ~8-fold, and so does what the collector copies while a latest report ages (at a few
   * thousand reports a second that copying was most of the collector's work). Deflating costs ~28
   * µs for 25 KB and reading the bytes back ~13 µs. Returns this body when it is compact already,
   * small, or would not shrink by a quarter.
   */
  public ReportBody compact() {
    byte[] d = deflated ? null : deflated(bytes, 0, size);
    return d == null ? this : new ReportBody(d, size, true);
  }

  /** The range deflated, or null when it is too small or would not shrink enough to be worth it. */
  private static byte[] deflated(byte[] raw, int offset, int length) {
    return length < COMPACT_FROM ? null : Deflation.deflate(raw, offset, length);
  }

  /**
   * The body as a backend stores it: the bytes as received, or, once {@linkplain #compact()
   * compacted}, a NUL byte, the received length (4 bytes, big-endian) and the deflated bytes. A
   * report is a JSON object, which never starts with NUL, so {@link #ofStoredForm} tells the two
   * apart, and bodies stored before compaction existed read as they always did.
   */
  public byte[] storedForm() {
    if (!deflated) {
      return bytes;
    }
    return ByteBuffer.allocate(STORED_HEADER + bytes.length)
        .put((byte) 0)
        .putInt(size)
        .put(bytes)
        .array();
  }

  /**
   * The body that {@link #storedForm()} returned; takes ownership of the array.
   *
   * @throws IllegalArgumentException when empty, or a compacted form is cut short
   */
  public static ReportBody ofStoredForm(byte[] stored) {
    Objects.requireNonNull(stored, "stored");
    if (stored.length == 0 || stored[0] != 0) {
      return of(stored);
    }
    if (stored.length <= STORED_HEADER) {
      throw new IllegalArgumentException("a stored compacted report body is cut short");
    }
    int size = ByteBuffer.wrap(stored, 1, 4).getInt();
    if (size <= 0) {
      throw new IllegalArgumentException("a stored compacted report body has no length");
    }
    return new ReportBody(Arrays.copyOfRange(stored, STORED_HEADER, stored.length), size, true);
  }

  /** The length in bytes (as received, whether or not it is held deflated). */
  public int size() {
    return size;
  }

  /** A read-only view of the bytes. */
  public ByteBuffer asReadOnlyBuffer() {
    return ByteBuffer.wrap(received()).asReadOnlyBuffer();
  }

  /** A stream over the bytes. */
  public InputStream openStream() {
    return new ByteArrayInputStream(received());
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return deflated ? received() : bytes.clone();
  }

  /** The bytes as received; the held array itself unless deflated, so never to be written. */
  private byte[] received() {
    return deflated ? Deflation.inflate(bytes, size) : bytes;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ReportBody other) || size != other.size) {
      return false;
    }
    // deflating is deterministic: equal held forms mean equal bodies, unequal ones prove nothing
    return (deflated == other.deflated && Arrays.equals(bytes, other.bytes))
        || Arrays.equals(received(), other.received());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(received());
  }

  @Override
  public String toString() {
    return "ReportBody[" + size + " bytes" + (deflated ? ", " + bytes.length + " deflated]" : "]");
  }
}
