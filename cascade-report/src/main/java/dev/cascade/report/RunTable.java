package dev.cascade.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A table of a run directory (trades, bars, depth, halts, causes), read row by row with every error
 * located by file and line: from {@code name.csv} if it exists, else from {@code name.parquet}
 * through an embedded DuckDB. CSV is read by Commons CSV as RFC 4180: comma-separated fields, any
 * of which may be double-quoted (holding commas, line breaks, and a doubled quote for one); blank
 * lines are skipped. The first record is the header; the columns a reader needs are looked up by
 * name, so added columns do not break it. A row's line is the line it starts on.
 */
public final class RunTable {
  private final Path file;
  private final List<String> header;

  private RunTable(Path file, List<String> header) {
    this.file = file;
    this.header = header;
  }

  /** One data row: its fields and where it is. */
  public final class Row {
    private final int line;
    private final List<String> fields;

    private Row(int line, List<String> fields) {
      this.line = line;
      this.fields = fields;
    }

    public int line() {
      return line;
    }

    public String text(int column) {
      return fields.get(column);
    }

    /** A decimal number; NaN and infinities are errors. */
    public double number(int column) throws RunDataException {
      String s = fields.get(column);
      try {
        double v = Double.parseDouble(s);
        if (Double.isFinite(v)) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw error(column, "'" + s + "' is not a finite number");
    }

    /** A whole number; anything else is an error. */
    public long whole(int column) throws RunDataException {
      String s = fields.get(column);
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw error(column, "'" + s + "' is not a whole number");
      }
    }

    /** An ISO-8601 UTC instant, as epoch milliseconds. */
    public long epochMillis(int column) throws RunDataException {
      String s = fields.get(column);
      try {
        return Instant.parse(s).toEpochMilli();
      } catch (DateTimeParseException e) {
        throw error(column, "'" + s + "' is not an ISO-8601 time such as 2025-11-18T14:30:00Z");
      }
    }

    private RunDataException error(int column, String what) {
      return new RunDataException(file, line, "column " + header.get(column) + ": " + what);
    }
  }

  /** Something done with each row, which may reject it with a located error. */
  public interface RowReader {
    void accept(RunTable.Row row) throws RunDataException;
  }

  /**
   * Reads the run-directory table {@code file}, checks that its header names {@code required}
   * columns, and hands every data row to {@code reader} with the column indices looked up (in the
   * order of {@code required}). The file (or the Parquet file beside it) must be a regular file,
   * not a symbolic link: see {@link RunFile}.
   */
  public static void read(
      Path file, List<String> required, Consumer<int[]> columns, RowReader reader)
      throws RunDataException {
    if (!RunFile.exists(file) && RunFile.exists(parquetOf(file))) {
      Path parquet = parquetOf(file);
      try {
        RunFile.check(parquet);
      } catch (IOException e) {
        throw new RunDataException(parquet, 0, "cannot be read: " + e.getMessage());
      }
      readParquet(parquet, required, columns, reader);
      return;
    }
    try (BufferedReader in = RunFile.reader(file)) {
      readCsv(file, in, required, columns, reader);
    } catch (NoSuchFileException e) {
      throw new RunDataException(file, 0, "missing (is this a run directory of cascade run?)");
    } catch (IOException e) {
      throw new RunDataException(file, 0, "cannot be read: " + e.getMessage());
    }
  }

  /**
   * Reads a CSV file the user named on the command line (e.g. {@code monitor --prices}), as {@link
   * #read} does a run table but through symbolic links, which the user chose, and without a Parquet
   * fallback. The caller checks that it is a regular file.
   */
  public static void readUserCsv(
      Path file, List<String> required, Consumer<int[]> columns, RowReader reader)
      throws RunDataException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      readCsv(file, in, required, columns, reader);
    } catch (NoSuchFileException e) {
      throw new RunDataException(file, 0, "no such file");
    } catch (IOException e) {
      throw new RunDataException(file, 0, "cannot be read: " + e.getMessage());
    }
  }

  /**
   * Cascade's CSV as read: RFC 4180 through Commons CSV (comma-separated; a field may be
   * double-quoted, holding commas, line breaks and doubled quotes); blank lines are skipped.
   */
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

  private static void readCsv(
      Path file,
      BufferedReader in,
      List<String> required,
      Consumer<int[]> columns,
      RowReader reader)
      throws IOException, RunDataException {
    skipBom(in);
    try (CSVParser csv = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
      Records records = new Records(file, csv);
      List<String> header = records.next();
      if (header == null) {
        throw new RunDataException(file, 1, "empty file: expected a header line");
      }
      int[] idx = new int[required.size()];
      for (int k = 0; k < required.size(); k++) {
        idx[k] = header.indexOf(required.get(k));
        if (idx[k] < 0) {
          throw new RunDataException(
              file,
              records.line(),
              "header has no column '"
                  + required.get(k)
                  + "' (expected "
                  + String.join(",", required)
                  + ")");
        }
      }
      columns.accept(idx);
      RunTable table = new RunTable(file, header);
      for (List<String> fields = records.next(); fields != null; fields = records.next()) {
        if (fields.size() != header.size()) {
          throw new RunDataException(
              file,
              records.line(),
              "expected " + header.size() + " fields as in the header, found " + fields.size());
        }
        reader.accept(table.new Row(records.line(), fields));
      }
    }
  }

  /** The records of a CSV file, each with the line it starts on; a malformed one is located. */
  private static final class Records {
    private final Path file;
    private final CSVParser csv;
    private final Iterator<CSVRecord> it;
    private int line;

    Records(Path file, CSVParser csv) {
      this.file = file;
      this.csv = csv;
      this.it = csv.iterator();
    }

    /** The line the last record returned starts on. */
    int line() {
      return line;
    }

    /** The next record's fields, or null at the end. */
    List<String> next() throws IOException, RunDataException {
      long before = csv.getCurrentLineNumber();
      CSVRecord r;
      try {
        if (!it.hasNext()) {
          return null;
        }
        r = it.next();
      } catch (UncheckedIOException e) {
        if (e.getCause() instanceof CSVException bad) {
          throw malformed(file, before, csv.getCurrentLineNumber(), bad);
        }
        throw e.getCause();
      }
      List<String> fields = r.toList();
      // The parser counts lines to the record's end; a quoted field may span lines.
      long breaks = 0;
      for (String f : fields) {
        breaks += lineBreaks(f);
      }
      line = (int) (csv.getCurrentLineNumber() - breaks);
      return fields;
    }
  }

  /** Line breaks as the parser counts them: CR, LF, and CR LF as one. */
  private static int lineBreaks(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' || (c == '\n' && (i == 0 || s.charAt(i - 1) != '\r'))) {
        n++;
      }
    }
    return n;
  }

  private static final Pattern START_LINE = Pattern.compile("\\(startline ([^)]{1,20})\\)");

  private static RunDataException malformed(Path file, long before, long now, CSVException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("EOF reached")) {
      // An opening quote never closed: the rest of the file was read as its field. The parser
      // names the quote's line; without it, the line after the last record.
      Matcher at = START_LINE.matcher(m);
      String digits = at.find() ? at.group(1).replaceAll("\\D", "") : "";
      long line = digits.isEmpty() ? before + 1 : Long.parseLong(digits);
      return new RunDataException(
          file,
          (int) line,
          "unterminated quoted field (no closing double quote before the end of the file)");
    }
    if (m.contains("between encapsulated token and delimiter")) {
      return new RunDataException(
          file,
          (int) now,
          "text after a closing quote (a quote inside a quoted field is written twice: \"\")");
    }
    return new RunDataException(file, (int) now, "malformed CSV: " + m);
  }

  /**
   * Whether a run table is present, as the CSV file named or as the Parquet file beside it. A
   * symbolic link counts as present, so that reading it is an error rather than a silent gap.
   */
  public static boolean exists(Path csv) {
    return RunFile.exists(csv) || RunFile.exists(parquetOf(csv));
  }

  /** {@code name.parquet} for {@code name.csv}. */
  static Path parquetOf(Path csv) {
    String n = csv.getFileName().toString();
    String base = n.endsWith(".csv") ? n.substring(0, n.length() - 4) : n;
    return csv.resolveSibling(base + ".parquet");
  }

  /**
   * Reads a Parquet run table through an in-memory DuckDB. Timestamps come back as ISO-8601 UTC
   * text, as in the CSV files, so rows read the same from either; "lines" are data rows + 1.
   */
  private static void readParquet(
      Path file, List<String> required, Consumer<int[]> columns, RowReader reader)
      throws RunDataException {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT * FROM read_parquet('"
                    + file.toAbsolutePath().toString().replace("'", "''")
                    + "')")) {
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      List<String> header = new ArrayList<>(n);
      int[] type = new int[n];
      for (int c = 0; c < n; c++) {
        header.add(md.getColumnName(c + 1));
        type[c] = md.getColumnType(c + 1);
      }
      int[] idx = new int[required.size()];
      for (int k = 0; k < required.size(); k++) {
        idx[k] = header.indexOf(required.get(k));
        if (idx[k] < 0) {
          throw new RunDataException(
              file, 0, "has no column '" + required.get(k) + "' (it has " + header + ")");
        }
      }
      columns.accept(idx);
      RunTable table = new RunTable(file, header);
      int row = 1;
      while (rs.next()) {
        row++;
        List<String> fields = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
          if (type[c] == Types.TIMESTAMP_WITH_TIMEZONE) {
            OffsetDateTime t = rs.getObject(c + 1, OffsetDateTime.class);
            fields.add(t == null ? "" : t.toInstant().toString());
          } else if (type[c] == Types.TIMESTAMP) {
            LocalDateTime t = rs.getObject(c + 1, LocalDateTime.class);
            fields.add(t == null ? "" : t.toInstant(ZoneOffset.UTC).toString());
          } else {
            String v = rs.getString(c + 1);
            fields.add(v == null ? "" : v);
          }
        }
        reader.accept(table.new Row(row, fields));
      }
    } catch (SQLException e) {
      throw new RunDataException(file, 0, "cannot be read as Parquet: " + e.getMessage());
    }
  }

  /** Skips a UTF-8 byte order mark at the start, as spreadsheet programs write. */
  private static void skipBom(BufferedReader in) throws IOException {
    in.mark(1);
    if (in.read() != '\uFEFF') {
      in.reset();
    }
  }
}
