package fives.example;

/**
 * A call the library refused: its status code, the code's name
 * (fives_status_name) and fives_last_error().
 */
public final class FivesException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String call;
  private final int code;
  private final String statusName;
  private final String detail;

  public FivesException(String call, int code, String statusName, String detail) {
    super(String.format("%s failed: %s (%d): %s", call, statusName, code, detail));
    this.call = call;
    this.code = code;
    this.statusName = statusName;
    this.detail = detail;
  }

  /** The C function that refused ("fives_journal_add_response"). */
  public String call() {
    return call;
  }

  /** The status code, FivesAbi.FIVES_NOT_FOUND and so on. */
  public int code() {
    return code;
  }

  /** The code's name as the library gives it ("FIVES_NOT_FOUND"). */
  public String statusName() {
    return statusName;
  }

  /** The library's message. */
  public String detail() {
    return detail;
  }
}
