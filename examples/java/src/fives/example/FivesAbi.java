package fives.example;

/**
 * The constants of the C ABI that the Java host uses. They mirror the
 * #defines of capi/fives.h, which JNA cannot read: {@link AbiCheck} (the CTest
 * test example_java_abi) compares every FIVES_* field here with the header and
 * fails when one differs or is gone.
 */
public final class FivesAbi {
  public static final int FIVES_VERSION_MAJOR = 0;

  public static final int FIVES_OK = 0;
  public static final int FIVES_CANCELLED = 1;
  public static final int FIVES_UNKNOWN = 2;
  public static final int FIVES_INVALID_ARGUMENT = 3;
  public static final int FIVES_DEADLINE_EXCEEDED = 4;
  public static final int FIVES_NOT_FOUND = 5;
  public static final int FIVES_ALREADY_EXISTS = 6;
  public static final int FIVES_PERMISSION_DENIED = 7;
  public static final int FIVES_RESOURCE_EXHAUSTED = 8;
  public static final int FIVES_FAILED_PRECONDITION = 9;
  public static final int FIVES_ABORTED = 10;
  public static final int FIVES_OUT_OF_RANGE = 11;
  public static final int FIVES_UNIMPLEMENTED = 12;
  public static final int FIVES_INTERNAL = 13;
  public static final int FIVES_UNAVAILABLE = 14;
  public static final int FIVES_DATA_LOSS = 15;
  public static final int FIVES_UNAUTHENTICATED = 16;

  public static final int FIVES_FORMAT_BINARY = 1;
  public static final int FIVES_FORMAT_JSON = 2;

  public static final int FIVES_ROUND_CONFIDENTIAL = 2;

  public static final int FIVES_DOCUMENT_MARKDOWN = 1;
  public static final int FIVES_DOCUMENT_HTML = 2;

  private FivesAbi() {}
}
