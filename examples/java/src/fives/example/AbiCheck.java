package fives.example;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fails when a constant of {@link FivesAbi} differs from capi/fives.h.
 *
 * <pre>java -cp CLASSES fives.example.AbiCheck PATH/TO/fives.h</pre>
 */
public final class AbiCheck {
  private static final Pattern DEFINE =
      Pattern.compile("^#define\\s+(FIVES_[A-Z0-9_]+)\\s+(-?\\d+)\\s*(?:/\\*.*)?$");
  private static final Pattern ENUMERATOR =
      Pattern.compile("^\\s*(FIVES_[A-Z0-9_]+)\\s*=\\s*(-?\\d+)\\s*,?\\s*(?:/\\*.*)?$");

  /**
   * The integer constants of the header: its enumerators (FIVES_OK = 0, FIVES_FORMAT_JSON = 2,
   * ...) and integer #defines (FIVES_VERSION_MAJOR 0).
   */
  static Map<String, Integer> headerDefines(Path header) throws IOException {
    Map<String, Integer> defines = new HashMap<>();
    for (String line : Files.readAllLines(header, StandardCharsets.UTF_8)) {
      for (Pattern pattern : new Pattern[] {DEFINE, ENUMERATOR}) {
        Matcher match = pattern.matcher(line);
        if (match.matches()) {
          defines.put(match.group(1), Integer.valueOf(match.group(2)));
        }
      }
    }
    return defines;
  }

  public static void main(String[] args) throws IOException, IllegalAccessException {
    if (args.length != 1) {
      System.err.println("usage: AbiCheck PATH/TO/fives.h");
      System.exit(2);
    }
    Path header = Path.of(args[0]);
    Map<String, Integer> defines = headerDefines(header);
    int checked = 0;
    int problems = 0;
    for (Field field : FivesAbi.class.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (!field.getName().startsWith("FIVES_")
          || !Modifier.isStatic(modifiers)
          || field.getType() != int.class) {
        continue;
      }
      ++checked;
      String name = field.getName();
      int value = field.getInt(null);
      Integer expected = defines.get(name);
      if (expected == null) {
        System.err.printf("%s: not an integer constant of %s%n", name, header);
        ++problems;
      } else if (expected != value) {
        System.err.printf("%s: %d in FivesAbi, %d in %s%n", name, value, expected, header);
        ++problems;
      }
    }
    if (problems > 0) {
      System.err.printf("FivesAbi differs from %s in %d constant(s)%n", header, problems);
      System.exit(1);
    }
    System.out.printf("FivesAbi: %d constants match %s%n", checked, header);
  }

  private AbiCheck() {}
}
