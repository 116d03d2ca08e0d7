package dev.cascade.report;

import java.io.BufferedReader;
import java.io.IOException;
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
import java.util.List;
import java.util.function.Consumer;

/**
 * A table of a run directory (trades, bars, depth, halts, causes), read row by row with every error
 * located by file and line: from {@code name.csv} if it exists, else from {@code name.parquet}
 * through an embedded DuckDB. CSV fields are comma-separated; a field may be double-quoted (a
 * doubled quote inside stands for one). The first line is the header; the columns a reader needs
 * are looked up by name, so added columns do not break it.
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

  private static void readCsv(
      Path file,
      BufferedReader in,
      List<String> required,
      Consumer<int[]> columns,
      RowReader reader)
      throws IOException, RunDataException {
    String first = in.readLine();
    if (first == null) {
      throw new RunDataException(file, 1, "empty file: expected a header line");
    }
    List<String> header = split(file, 1, stripBom(first));
    int[] idx = new int[required.size()];
    for (int k = 0; k < required.size(); k++) {
      idx[k] = header.indexOf(required.get(k));
      if (idx[k] < 0) {
        throw new RunDataException(
            file,
            1,
            "header has no column '"
                + required.get(k)
                + "' (expected "
                + String.join(",", required)
                + ")");
      }
    }
    columns.accept(idx);
    RunTable table = new RunTable(file, header);
    int lineNo = 1;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (line.isEmpty()) {
        continue;
      }
      List<String> fields = split(file, lineNo, line);
      if (fields.size() != header.size()) {
        throw new RunDataException(
            file,
            lineNo,
            "expected " + header.size() + " fields as in the header, found " + fields.size());
      }
      reader.accept(table.new Row(lineNo, fields));
    }
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

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  static List<String> split(Path file, int lineNo, String line) throws RunDataException {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (true) {
      cur.setLength(0);
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new RunDataException(file, lineNo, "unterminated quoted field");
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < n && line.charAt(i) == '"') {
              cur.append('"');
              i++;
            } else {
              break;
            }
          } else {
            cur.append(c);
          }
        }
        if (i < n && line.charAt(i) != ',') {
          throw new RunDataException(
              file, lineNo, "text after a closing quote at column " + (i + 1));
        }
      } else {
        while (i < n && line.charAt(i) != ',') {
          cur.append(line.charAt(i++));
        }
      }
      out.add(cur.toString());
      if (i >= n) {
        return out;
      }
      i++; // the comma
    }
  }
}
