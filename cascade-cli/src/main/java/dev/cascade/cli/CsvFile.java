package dev.cascade.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of a run directory, read from its Parquet file (through DuckDB) or its CSV file: a
 * header, then rows of the same width, every field as text. The CSV reader follows RFC 4180 (quoted
 * fields may hold commas and doubled quotes). Problems are reported as {@link CsvException}s naming
 * file:line (the data row for Parquet), for the command to print.
 */
final class CsvFile {
  /** A located problem with a CSV file. */
  static final class CsvException extends Exception {
    private static final long serialVersionUID = 1L;

    CsvException(Path file, int line, String message) {
      super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }
  }

  private final Path file;
  private final List<String> header;
  private final List<String[]> rows;

  private CsvFile(Path file, List<String> header, List<String[]> rows) {
    this.file = file;
    this.header = header;
    this.rows = rows;
  }

  /**
   * Reads table {@code base} of a run directory: {@code base.parquet} if present, else {@code
   * base.csv}.
   */
  static CsvFile readTable(Path dir, String base, String... requiredColumns) throws CsvException {
    Path parquet = dir.resolve(base + ".parquet");
    if (!Files.exists(parquet)) {
      return read(dir.resolve(base + ".csv"), requiredColumns);
    }
    List<String> header = new ArrayList<>();
    List<String[]> rows = new ArrayList<>();
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = db.createStatement();
        java.sql.ResultSet rs =
            st.executeQuery(
                "SELECT * FROM read_parquet('"
                    + parquet.toAbsolutePath().toString().replace("'", "''")
                    + "')")) {
      java.sql.ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      for (int c = 1; c <= n; c++) {
        header.add(md.getColumnName(c));
      }
      while (rs.next()) {
        String[] row = new String[n];
        for (int c = 1; c <= n; c++) {
          String v = rs.getString(c);
          row[c - 1] = v == null ? "" : v;
        }
        rows.add(row);
      }
    } catch (java.sql.SQLException e) {
      throw new CsvException(parquet, 0, "cannot read Parquet: " + e.getMessage());
    }
    for (String col : requiredColumns) {
      if (!header.contains(col)) {
        throw new CsvException(parquet, 0, "missing column '" + col + "' in " + header);
      }
    }
    return new CsvFile(parquet, List.copyOf(header), rows);
  }

  static CsvFile read(Path file, String... requiredColumns) throws CsvException {
    List<String[]> rows = new ArrayList<>();
    List<String> header;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = r.readLine();
      if (first == null) {
        throw new CsvException(file, 0, "empty file (expected a header row)");
      }
      header = List.of(split(file, 1, first));
      for (String col : requiredColumns) {
        if (!header.contains(col)) {
          throw new CsvException(file, 1, "missing column '" + col + "' in header " + header);
        }
      }
      String line;
      int no = 1;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isEmpty()) {
          continue;
        }
        String[] f = split(file, no, line);
        if (f.length != header.size()) {
          throw new CsvException(
              file, no, "expected " + header.size() + " fields but found " + f.length);
        }
        rows.add(f);
      }
    } catch (NoSuchFileException e) {
      throw new CsvException(file, 0, "no such file");
    } catch (CharacterCodingException e) {
      throw new CsvException(file, 0, "not UTF-8 text");
    } catch (IOException e) {
      throw new CsvException(file, 0, "cannot read: " + e.getMessage());
    }
    return new CsvFile(file, header, rows);
  }

  int rows() {
    return rows.size();
  }

  /** Column index of a header name (checked at read time for required columns). */
  int column(String name) {
    return header.indexOf(name);
  }

  String get(int row, int col) {
    return rows.get(row)[col];
  }

  /** Data rows are numbered from 0; their file line is row + 2. */
  long getLong(int row, int col) throws CsvException {
    try {
      return Long.parseLong(rows.get(row)[col]);
    } catch (NumberFormatException e) {
      throw new CsvException(
          file,
          row + 2,
          header.get(col) + ": expected a whole number, found '" + get(row, col) + "'");
    }
  }

  double getDouble(int row, int col) throws CsvException {
    try {
      double v = Double.parseDouble(rows.get(row)[col]);
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new CsvException(
          file, row + 2, header.get(col) + ": expected a number, found '" + get(row, col) + "'");
    }
  }

  CsvException error(int row, String message) {
    return new CsvException(file, row + 2, message);
  }

  private static String[] split(Path file, int no, String line) throws CsvException {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cur.append(c);
        }
      } else if (c == '"' && cur.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
        wasQuoted = false;
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      throw new CsvException(file, no, "unterminated quoted field");
    }
    out.add(cur.toString());
    return out.toArray(new String[0]);
  }

  /** Quotes a field for writing if it needs it. */
  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"").replace('\n', ' ') + '"';
  }
}
