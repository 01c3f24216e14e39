package fives.example;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;

/**
 * The calling conventions of the C ABI, once: a status other than FIVES_OK
 * becomes a {@link FivesException} with the library's message, and a
 * fives_buffer result is copied into Java and freed with fives_buffer_free.
 * Each method takes the C function's name, for the message, and the call.
 */
public final class Calls {
  /** A call that returns only a status. */
  @FunctionalInterface
  public interface StatusCall {
    int call();
  }

  /** A call whose first argument is `fives_buffer* out`. */
  @FunctionalInterface
  public interface BufferCall {
    int call(FivesBuffer out);
  }

  /** A call whose first argument is `fives_journal** out`. */
  @FunctionalInterface
  public interface HandleCall {
    int call(PointerByReference out);
  }

  private final Fives lib;

  public Calls(Fives lib) {
    this.lib = lib;
  }

  public void call(String name, StatusCall call) throws FivesException {
    check(name, call.call());
  }

  /** The text the call gets (UTF-8, NUL-terminated, the NUL not in len). */
  public String text(String name, BufferCall call) throws FivesException {
    return new String(bytes(name, call), StandardCharsets.UTF_8);
  }

  /** The bytes the call gets (a serialized message). */
  public byte[] bytes(String name, BufferCall call) throws FivesException {
    FivesBuffer out = new FivesBuffer();
    check(name, call.call(out));
    try {
      int len = Math.toIntExact(out.len.longValue());
      return len == 0 ? new byte[0] : out.data.getByteArray(0, len);
    } finally {
      lib.fives_buffer_free(out);
    }
  }

  /** The handle the call makes; free it with fives_journal_free. */
  public Pointer journal(String name, HandleCall call) throws FivesException {
    PointerByReference out = new PointerByReference();
    check(name, call.call(out));
    return out.getValue();
  }

  private void check(String name, int status) throws FivesException {
    if (status != FivesAbi.FIVES_OK) {
      // Read at once: the next fives call on this thread replaces it.
      // The message first: the next fives call on this thread replaces it.
      String detail = lib.fives_last_error();
      String statusName = lib.fives_status_name(status);
      throw new FivesException(
          name, status, statusName != null ? statusName : "an unknown status code", detail);
    }
  }
}
