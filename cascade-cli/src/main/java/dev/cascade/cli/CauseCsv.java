package dev.cascade.cli;

import dev.cascade.agents.World;
import dev.cascade.analytics.CauseTable;
import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Time;
import dev.cascade.report.RunDataException;
import dev.cascade.report.RunTable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code causes.csv}: one row per cause (id, kind, agent, parent, time, label, links), the file
 * {@code cascade explain} reads back.
 */
final class CauseCsv {
  static final String HEADER = "id,kind,agent,parent,time,timeNanos,label,links\n";

  private CauseCsv() {}

  static void write(Path file, World world) throws IOException {
    CauseLog log = world.causes();
    List<StringBuilder> links = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      links.add(null);
    }
    for (int[] l : log.links()) {
      StringBuilder b = links.get(l[0]);
      if (b == null) {
        links.set(l[0], b = new StringBuilder());
      } else {
        b.append(';');
      }
      b.append(l[1]);
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      for (int i = 0; i < log.size(); i++) {
        int a = log.agent(i);
        long t = log.time(i);
        String label = log.label(i);
        w.write(
            i
                + ","
                + log.kind(i).label()
                + ","
                + (a >= 0 ? world.agentId(a) : "")
                + ","
                + log.parent(i)
                + ","
                + (t == Long.MIN_VALUE ? "" : Time.format(t))
                + ","
                + (t == Long.MIN_VALUE ? "" : Long.toString(t))
                + ","
                + quote(label == null ? "" : label)
                + ","
                + (links.get(i) == null ? "" : links.get(i))
                + "\n");
      }
    }
  }

  /**
   * Reads a run's causes (causes.csv or causes.parquet) back into a table; every problem located by
   * file:line.
   */
  static CauseTable read(Path runDir) throws RunDataException {
    Path file = runDir.resolve("causes.csv");
    List<CauseKind> kinds = new ArrayList<>();
    List<String> agents = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Long> parents = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    int[] c = new int[6];
    RunTable.read(
        file,
        List.of("id", "kind", "agent", "parent", "timeNanos", "label"),
        idx -> System.arraycopy(idx, 0, c, 0, 6),
        row -> {
          int r = kinds.size();
          if (row.whole(c[0]) != r) {
            throw new RunDataException(
                file, row.line(), "ids must run 0, 1, 2, ... in order; found " + row.text(c[0]));
          }
          CauseKind k = kindOf(row.text(c[1]));
          if (k == null) {
            throw new RunDataException(
                file, row.line(), "unknown cause kind '" + row.text(c[1]) + "'");
          }
          long p = row.whole(c[3]);
          if (p < 0 || p > r || (p == r && r != 0)) {
            throw new RunDataException(
                file, row.line(), "parent " + p + " must be an earlier cause");
          }
          kinds.add(k);
          agents.add(row.text(c[2]));
          parents.add(p);
          times.add(row.text(c[4]).isEmpty() ? Long.MIN_VALUE : row.whole(c[4]));
          labels.add(row.text(c[5]));
        });
    if (kinds.isEmpty()) {
      throw new RunDataException(file, 0, "no causes (expected at least genesis)");
    }
    int[] parent = new int[kinds.size()];
    long[] time = new long[kinds.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = (int) (long) parents.get(i);
      time[i] = times.get(i);
    }
    return new CauseTable(kinds, agents, parent, time, labels);
  }

  /** Quotes a CSV field if it needs it. */
  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"").replace('\n', ' ') + '"';
  }

  private static CauseKind kindOf(String label) {
    for (CauseKind k : CauseKind.values()) {
      if (k.label().equals(label)) {
        return k;
      }
    }
    return null;
  }
}
