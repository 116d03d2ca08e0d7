package dev.cascade.cli;

import dev.cascade.agents.World;
import dev.cascade.analytics.CauseTable;
import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Time;
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
                + CsvFile.quote(label == null ? "" : label)
                + ","
                + (links.get(i) == null ? "" : links.get(i))
                + "\n");
      }
    }
  }

  /**
   * Reads a run's causes (causes.parquet or causes.csv) back into a table; every problem located by
   * file:line.
   */
  static CauseTable read(Path runDir) throws CsvFile.CsvException {
    CsvFile f =
        CsvFile.readTable(runDir, "causes", "id", "kind", "agent", "parent", "timeNanos", "label");
    Path file = runDir.resolve("causes");
    int n = f.rows();
    List<CauseKind> kinds = new ArrayList<>(n);
    List<String> agents = new ArrayList<>(n);
    List<String> labels = new ArrayList<>(n);
    int[] parent = new int[n];
    long[] time = new long[n];
    int cId = f.column("id");
    int cKind = f.column("kind");
    int cAgent = f.column("agent");
    int cParent = f.column("parent");
    int cTime = f.column("timeNanos");
    int cLabel = f.column("label");
    for (int r = 0; r < n; r++) {
      if (f.getLong(r, cId) != r) {
        throw f.error(r, "ids must run 0, 1, 2, ... in order; found " + f.get(r, cId));
      }
      CauseKind k = kindOf(f.get(r, cKind));
      if (k == null) {
        throw f.error(r, "unknown cause kind '" + f.get(r, cKind) + "'");
      }
      kinds.add(k);
      agents.add(f.get(r, cAgent));
      long p = f.getLong(r, cParent);
      if (p < 0 || p > r || (p == r && r != 0)) {
        throw f.error(r, "parent " + p + " must be an earlier cause");
      }
      parent[r] = (int) p;
      time[r] = f.get(r, cTime).isEmpty() ? Long.MIN_VALUE : f.getLong(r, cTime);
      labels.add(f.get(r, cLabel));
    }
    if (n == 0) {
      throw new CsvFile.CsvException(file, 0, "no causes (expected at least genesis)");
    }
    return new CauseTable(kinds, agents, parent, time, labels);
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
