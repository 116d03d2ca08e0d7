package dev.cascade.cause;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Append-only store of causes. Id 0 is {@link CauseKind#GENESIS}. Each cause has one primary
 * parent; a cause with several (a margin call whose equity fell because of several moves) records
 * the others as extra links. Storage is primitive arrays grown by doubling; labels are kept only
 * for causes that have one (shocks, margin calls).
 */
public final class CauseLog {
  /** The genesis cause, parent of everything that has no other. */
  public static final int GENESIS = 0;

  private CauseKind[] kind = new CauseKind[1024];
  private int[] agent = new int[1024];
  private int[] parent = new int[1024];
  private long[] time = new long[1024];
  private String[] label = new String[1024];
  private int size;
  private final List<int[]> links = new ArrayList<>();

  public CauseLog() {
    record(CauseKind.GENESIS, -1, GENESIS, Long.MIN_VALUE, "genesis");
  }

  /**
   * Records a cause.
   *
   * @param agentIndex the acting agent's index, or -1 for the market itself
   * @param parentId the cause that led to this one ({@link #GENESIS} if none)
   * @param label free text for the explain output, or null
   * @return the new cause's id
   */
  public int record(CauseKind k, int agentIndex, int parentId, long timeNanos, String label) {
    if (parentId < 0 || parentId > size) {
      throw new IllegalArgumentException("unknown parent cause " + parentId);
    }
    if (size == kind.length) {
      int cap = size * 2;
      kind = Arrays.copyOf(kind, cap);
      agent = Arrays.copyOf(agent, cap);
      parent = Arrays.copyOf(parent, cap);
      time = Arrays.copyOf(time, cap);
      this.label = Arrays.copyOf(this.label, cap);
    }
    int id = size++;
    kind[id] = k;
    agent[id] = agentIndex;
    parent[id] = parentId;
    time[id] = timeNanos;
    this.label[id] = label;
    return id;
  }

  /** Records that {@code cause} also descends from {@code otherParent}. */
  public void link(int cause, int otherParent) {
    check(cause);
    check(otherParent);
    links.add(new int[] {cause, otherParent});
  }

  public int size() {
    return size;
  }

  public CauseKind kind(int id) {
    check(id);
    return kind[id];
  }

  public int agent(int id) {
    check(id);
    return agent[id];
  }

  public int parent(int id) {
    check(id);
    return parent[id];
  }

  public long time(int id) {
    check(id);
    return time[id];
  }

  public String label(int id) {
    check(id);
    return label[id];
  }

  /** Extra parent links as (cause, parent) pairs, in the order they were made. */
  public List<int[]> links() {
    return List.copyOf(links);
  }

  /** The chain from {@code id} back to its root: id first, the root (a child of genesis) last. */
  public int[] chain(int id) {
    check(id);
    int n = 0;
    int[] out = new int[8];
    int c = id;
    while (c != GENESIS) {
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = c;
      c = parent[c];
    }
    return Arrays.copyOf(out, n);
  }

  /** The first ancestor (or {@code id} itself) of the given kind, or -1. */
  public int ancestorOfKind(int id, CauseKind k) {
    check(id);
    int c = id;
    while (true) {
      if (kind[c] == k) {
        return c;
      }
      if (c == GENESIS) {
        return -1;
      }
      c = parent[c];
    }
  }

  private void check(int id) {
    if (id < 0 || id >= size) {
      throw new IllegalArgumentException("unknown cause " + id);
    }
  }
}
