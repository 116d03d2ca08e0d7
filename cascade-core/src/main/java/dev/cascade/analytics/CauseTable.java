package dev.cascade.analytics;

import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The causes of a run as plain columns, built from a live {@link CauseLog} or loaded from a run's
 * {@code causes.csv}. Index = cause id; id 0 is genesis.
 *
 * @param kind per cause
 * @param agent the acting agent's id, or "" for the market itself
 * @param parent primary parent id (0 for roots and genesis)
 * @param time simulated nanos
 * @param label free text, or ""
 */
public record CauseTable(
    List<CauseKind> kind, List<String> agent, int[] parent, long[] time, List<String> label) {
  public CauseTable {
    kind = List.copyOf(kind);
    agent = List.copyOf(agent);
    label = List.copyOf(label);
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(time, "time");
    int n = kind.size();
    if (agent.size() != n || parent.length != n || time.length != n || label.size() != n) {
      throw new IllegalArgumentException("cause columns differ in length");
    }
  }

  /** A snapshot of a live log, with agent indices turned into ids by {@code agentIds}. */
  public static CauseTable of(CauseLog log, List<String> agentIds) {
    int n = log.size();
    List<CauseKind> k = new ArrayList<>(n);
    List<String> a = new ArrayList<>(n);
    List<String> l = new ArrayList<>(n);
    int[] p = new int[n];
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      k.add(log.kind(i));
      int ag = log.agent(i);
      a.add(ag >= 0 && ag < agentIds.size() ? agentIds.get(ag) : "");
      p[i] = log.parent(i);
      t[i] = log.time(i);
      String lb = log.label(i);
      l.add(lb == null ? "" : lb);
    }
    return new CauseTable(k, a, p, t, l);
  }

  public int size() {
    return kind.size();
  }

  /** Number of causes from {@code id} up to (not counting) genesis. */
  public int depth(int id) {
    int d = 0;
    for (int c = id; c != 0; c = parent[c]) {
      d++;
    }
    return d;
  }

  /** The root of {@code id}: its ancestor whose parent is genesis (itself if a root). */
  public int root(int id) {
    int c = id;
    while (c != 0 && parent[c] != 0) {
      c = parent[c];
    }
    return c;
  }

  /** The kinds from the root down to {@code id}, e.g. "shock > margin-call > liquidation". */
  public String kindPath(int id) {
    StringBuilder b = new StringBuilder();
    for (int c = id; c != 0; c = parent[c]) {
      b.insert(0, b.length() == 0 ? kind.get(c).label() : kind.get(c).label() + " > ");
    }
    return b.toString();
  }
}
