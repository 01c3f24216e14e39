package fives.example;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * struct fives_buffer: bytes the library owns. Pass a new one as a call's
 * `out`; read it, then free it with fives_buffer_free, which resets it (see
 * {@link Calls}). JNA copies the fields to native memory before each call and
 * back after it.
 */
@Structure.FieldOrder({"data", "len"})
public final class FivesBuffer extends Structure {
  public Pointer data;
  public SizeT len = new SizeT();
}
