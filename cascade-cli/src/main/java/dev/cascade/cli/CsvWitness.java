package dev.cascade.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A small CSV that DuckDB's type detection sees exactly as it would see a whole run table: the
 * header and, in file order, every line that is the first to show some column a new value shape
 * (the field with each digit replaced by 9, everything else kept). Whether a value casts to a
 * number, a date or a timestamp depends on its shape only (apart from integers too long for 64 bits
 * and impossible dates, which the conversion then rejects), so the types detected from the witness
 * are those of the whole file, and detecting them costs memory for a few dozen lines instead of for
 * the whole file. Reads the file once, line by line; holds the shapes seen, not the lines.
 */
final class CsvWitness {
  private CsvWitness() {}

  /**
   * Writes the witness of {@code csv} to {@code witness}.
   *
   * @return false, with nothing useful written, if the file has a field spanning lines (an odd
   *     number of quotes on a line), which the line-by-line reading cannot shape
   */
  static boolean write(Path csv, Path witness) throws IOException {
    List<Set<String>> seen = new ArrayList<>();
    StringBuilder shape = new StringBuilder();
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        Writer w = Files.newBufferedWriter(witness, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      if (line == null) {
        return true;
      }
      w.write(line);
      w.write('\n');
      while ((line = r.readLine()) != null) {
        if (!balancedQuotes(line)) {
          return false;
        }
        boolean fresh = false;
        int col = 0;
        int i = 0;
        int n = line.length();
        while (true) {
          shape.setLength(0);
          boolean quoted = false;
          for (; i < n; i++) {
            char c = line.charAt(i);
            if (c == '"') {
              quoted = !quoted;
            } else if (c == ',' && !quoted) {
              break;
            }
            shape.append(c >= '0' && c <= '9' ? '9' : c);
          }
          while (seen.size() <= col) {
            seen.add(new HashSet<>());
          }
          if (seen.get(col).add(shape.toString())) {
            fresh = true;
          }
          col++;
          if (i >= n) {
            break;
          }
          i++; // the comma
        }
        if (fresh) {
          w.write(line);
          w.write('\n');
        }
      }
    }
    return true;
  }

  private static boolean balancedQuotes(String line) {
    int q = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '"') {
        q++;
      }
    }
    return q % 2 == 0;
  }
}
