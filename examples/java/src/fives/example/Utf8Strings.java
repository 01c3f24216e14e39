package fives.example;

import com.sun.jna.DefaultTypeMapper;
import com.sun.jna.FromNativeContext;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ToNativeContext;
import com.sun.jna.TypeConverter;
import com.sun.jna.TypeMapper;
import java.nio.charset.StandardCharsets;

/**
 * Strings as the C ABI has them, NUL-terminated UTF-8, whatever the platform's encoding. JNA
 * encodes a String argument in the platform's encoding (jna.encoding, else the locale's: ASCII
 * under LANG=C), even with Library.OPTION_STRING_ENCODING set; this mapper does both directions
 * itself. A null String is NULL.
 */
final class Utf8Strings implements TypeConverter {
  static final TypeMapper TYPE_MAPPER = typeMapper();

  private static TypeMapper typeMapper() {
    DefaultTypeMapper mapper = new DefaultTypeMapper();
    mapper.addTypeConverter(String.class, new Utf8Strings());
    return mapper;
  }

  @Override
  public Object toNative(Object value, ToNativeContext context) {
    if (value == null) {
      return null;
    }
    // Kept alive by the call's arguments until the call returns.
    byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
    Memory memory = new Memory(bytes.length + 1);
    memory.write(0, bytes, 0, bytes.length);
    memory.setByte(bytes.length, (byte) 0);
    return memory;
  }

  @Override
  public Object fromNative(Object value, FromNativeContext context) {
    return value == null ? null : ((Pointer) value).getString(0, StandardCharsets.UTF_8.name());
  }

  @Override
  public Class<?> nativeType() {
    return Pointer.class;
  }

  private Utf8Strings() {}
}
