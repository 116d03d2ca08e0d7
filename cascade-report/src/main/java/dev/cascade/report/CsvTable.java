package dev.cascade.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A CSV file of a run directory, read row by row with every error located by file and line. Fields
 * are comma-separated; a field may be double-quoted (a doubled quote inside stands for one). The
 * first line is the header; the columns a reader needs are looked up by name, so added columns do
 * not break it.
 */
final class CsvTable {
  private final Path file;
  private final List<String> header;

  private CsvTable(Path file, List<String> header) {
    this.file = file;
    this.header = header;
  }

  /** One data row: its fields and where it is. */
  final class Row {
    private final int line;
    private final List<String> fields;

    private Row(int line, List<String> fields) {
      this.line = line;
      this.fields = fields;
    }

    int line() {
      return line;
    }

    String text(int column) {
      return fields.get(column);
    }

    /** A decimal number; NaN and infinities are errors. */
    double number(int column) throws RunDataException {
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

    /** An ISO-8601 UTC instant, as epoch milliseconds. */
    long epochMillis(int column) throws RunDataException {
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
  interface RowReader {
    void accept(CsvTable.Row row) throws RunDataException;
  }

  /**
   * Reads {@code file}, checks that its header names {@code required} columns, and hands every data
   * row to {@code reader} with the column indices looked up (in the order of {@code required}).
   */
  static void read(Path file, List<String> required, Consumer<int[]> columns, RowReader reader)
      throws RunDataException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
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
      CsvTable table = new CsvTable(file, header);
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
    } catch (NoSuchFileException e) {
      throw new RunDataException(file, 0, "missing (is this a run directory of cascade run?)");
    } catch (IOException e) {
      throw new RunDataException(file, 0, "cannot be read: " + e.getMessage());
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
