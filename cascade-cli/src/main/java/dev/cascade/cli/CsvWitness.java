package dev.cascade.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small CSV that DuckDB's type detection sees exactly as it would see a whole run table: the
 * header and, in file order, every line that is the first to show some column a new value shape
 * (the field with each digit replaced by 9, everything else kept). Whether a value casts to a
 * number, a date or a timestamp depends on its shape only (apart from integers too long for 64 bits
 * and impossible dates, which the conversion then rejects), so the types detected from the witness
 * are those of the whole file, and detecting them costs memory for a few dozen lines instead of for
 * the whole file.
 *
 * <p>Reads the file once, in blocks, reusing one line buffer: it allocates only for the shapes it
 * has not seen, so scanning a month's trades adds no garbage for the collector to keep up with.
 */
final class CsvWitness {
  private final Writer out;
  private final List<ShapeSet> seen = new ArrayList<>();
  private final StringBuilder shape = new StringBuilder(64);
  private boolean header = true;

  private CsvWitness(Writer out) {
    this.out = out;
  }

  /**
   * Writes the witness of {@code csv} to {@code witness}.
   *
   * @return false, with nothing useful written, if the file has a field spanning lines (an odd
   *     number of quotes on a line), which the line-by-line reading cannot shape
   */
  static boolean write(Path csv, Path witness) throws IOException {
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        Writer w = Files.newBufferedWriter(witness, StandardCharsets.UTF_8)) {
      CsvWitness cw = new CsvWitness(w);
      char[] buf = new char[1 << 16];
      StringBuilder line = new StringBuilder(256);
      int n;
      while ((n = r.read(buf)) > 0) {
        for (int k = 0; k < n; k++) {
          char c = buf[k];
          if (c == '\n') {
            if (!cw.line(line)) {
              return false;
            }
            line.setLength(0);
          } else {
            line.append(c);
          }
        }
      }
      return line.length() == 0 || cw.line(line);
    }
  }

  /** Takes one line (without its newline); false if its quotes do not balance. */
  private boolean line(CharSequence line) throws IOException {
    if (header) {
      header = false;
      keep(line);
      return true;
    }
    int quotes = 0;
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
          quotes++;
        } else if (c == ',' && !quoted) {
          break;
        }
        shape.append(c >= '0' && c <= '9' ? '9' : c);
      }
      while (seen.size() <= col) {
        seen.add(new ShapeSet());
      }
      fresh |= seen.get(col).add(shape);
      col++;
      if (i >= n) {
        break;
      }
      i++; // the comma
    }
    if (quotes % 2 != 0) {
      return false;
    }
    if (fresh) {
      keep(line);
    }
    return true;
  }

  private void keep(CharSequence line) throws IOException {
    out.append(line);
    out.write('\n');
  }

  /** The distinct shapes of one column: open addressing on the shapes' string hashes. */
  private static final class ShapeSet {
    private String[] slots = new String[16];
    private int size;

    /** Adds {@code s}; true if it was not there (the only case that allocates). */
    boolean add(CharSequence s) {
      int h = 0;
      for (int k = 0; k < s.length(); k++) {
        h = 31 * h + s.charAt(k);
      }
      int mask = slots.length - 1;
      for (int p = mix(h) & mask; ; p = (p + 1) & mask) {
        String x = slots[p];
        if (x == null) {
          slots[p] = s.toString();
          if (++size * 2 > slots.length) {
            grow();
          }
          return true;
        }
        if (x.hashCode() == h && x.contentEquals(s)) {
          return false;
        }
      }
    }

    private void grow() {
      String[] old = slots;
      slots = new String[old.length * 2];
      int mask = slots.length - 1;
      for (String x : old) {
        if (x != null) {
          int p = mix(x.hashCode()) & mask;
          while (slots[p] != null) {
            p = (p + 1) & mask;
          }
          slots[p] = x;
        }
      }
    }

    private static int mix(int h) {
      return h ^ (h >>> 16);
    }
  }
}
