package dev.cascade.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * The CSV Cascade writes, through Commons CSV: RFC 4180 with {@code \n} between records and quotes
 * only where a field needs them ({@link QuoteMode#MINIMAL}): a field is double-quoted, with any
 * quote inside doubled, when it holds a comma, a double quote or a line break, starts with a
 * character up to {@code #} (a control character, a space, {@code !}, {@code "}, {@code #}) or ends
 * with a space or a control character. Every other field is written as is, so a file whose text
 * needs no quotes is the plain comma-separated text it always was.
 *
 * <p>Numbers are written by the writers themselves (plain decimal text never needs quoting); text
 * that can come from the user (symbols, agent ids, group names, labels, parameter names) goes
 * through {@link #field}. The hot writers keep the field of each name in a {@link Fields}, so a
 * name is checked once, not once per row.
 */
final class Csv {
  /** Cascade's CSV format (RFC 4180, {@code \n} records, minimal quoting). */
  static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setQuoteMode(QuoteMode.MINIMAL).get();

  private static final CSVFormat ALWAYS_QUOTED = FORMAT.builder().setQuoteMode(QuoteMode.ALL).get();

  private Csv() {}

  /** {@code text} as a field of a record: as is, or quoted when it needs it (see above). */
  static String field(String text) {
    if (text.isEmpty()) {
      // An empty field between commas needs no quotes (Commons CSV quotes one that starts a
      // record, which Cascade's records never do with text).
      return text;
    }
    return print(FORMAT, text);
  }

  /** {@code text} as a field that is always double-quoted (any quote inside doubled). */
  static String quoted(String text) {
    return print(ALWAYS_QUOTED, text);
  }

  /** A whole record of text fields, each through {@link #field}, ending in {@code \n}. */
  static String record(String... fields) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < fields.length; k++) {
      if (k > 0) {
        b.append(',');
      }
      b.append(field(fields[k]));
    }
    return b.append('\n').toString();
  }

  private static String print(CSVFormat format, String text) {
    StringBuilder b = new StringBuilder(text.length() + 2);
    try {
      format.print(text, b, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return b.toString();
  }

  /**
   * The fields of a set of names that may grow, by index (an account, an instrument): each name is
   * checked for quoting once and its field kept while the index holds the same name.
   */
  static final class Fields {
    private String[] names = new String[16];
    private String[] fields = new String[16];

    /** The field of {@code name}, the name at {@code index}. */
    String of(int index, String name) {
      if (index >= names.length) {
        int n = Math.max(index + 1, names.length * 2);
        names = Arrays.copyOf(names, n);
        fields = Arrays.copyOf(fields, n);
      }
      if (names[index] != name) {
        fields[index] = field(name);
        names[index] = name;
      }
      return fields[index];
    }
  }
}
