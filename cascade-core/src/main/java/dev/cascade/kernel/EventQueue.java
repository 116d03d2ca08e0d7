package dev.cascade.kernel;

import java.util.Arrays;

/**
 * A min-heap of events ordered by (time, priority, sequence). The sequence number is assigned at
 * scheduling, so two events at the same time and priority run in the order they were scheduled:
 * ties are stable, and the order never depends on object identity or hashing. Every event has a
 * distinct key, so the order events leave the queue is fixed by the keys alone, whatever the heap's
 * shape.
 *
 * <p>Hot path: a 4-ary heap (half the levels of a binary one, and a node's four children on one or
 * two cache lines) whose events live in parallel primitive arrays that grow by doubling and are
 * reused, so scheduling and popping allocate nothing in steady state. Time and the packed
 * (priority, sequence) key sit side by side in one array, so a comparison reads one place.
 */
public final class EventQueue {
  /** Bits of the packed key that hold the sequence number; the priority sits above them. */
  private static final int SEQ_BITS = 47;

  /** Priorities the packed key can hold: [0, 2^16). */
  static final int MAX_PRIORITY = (1 << 16) - 1;

  private static final long MAX_SEQ = (1L << SEQ_BITS) - 1;

  /** Per event {@code i}: its time at {@code 2i}, (priority << SEQ_BITS | sequence) at 2i + 1. */
  private long[] keys;

  private Wakeable[] target;
  private int[] tag;
  private int size;
  private long nextSeq;

  private long currentTime;
  private Wakeable currentTarget;
  private int currentTag;

  public EventQueue(int initialCapacity) {
    int cap = Math.max(16, initialCapacity);
    keys = new long[2 * cap];
    target = new Wakeable[cap];
    tag = new int[cap];
  }

  /**
   * Schedules {@code target.wake(timeNanos, tag)}.
   *
   * @param prio the event's priority among events at the same time, in [0, 65535]
   */
  public void schedule(long timeNanos, int prio, Wakeable who, int whoTag) {
    if (prio < 0 || prio > MAX_PRIORITY) {
      throw new IllegalArgumentException("priority must be in [0, " + MAX_PRIORITY + "]: " + prio);
    }
    if (nextSeq > MAX_SEQ) {
      throw new IllegalStateException("more than 2^47 events scheduled");
    }
    if (size == target.length) {
      grow();
    }
    long key = ((long) prio << SEQ_BITS) | nextSeq++;
    int i = size++;
    // sift up
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      if (!less(timeNanos, key, keys[2 * parent], keys[2 * parent + 1])) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    put(i, timeNanos, key, who, whoTag);
  }

  /**
   * Removes the earliest event and makes it current ({@link #currentTime()}, {@link
   * #currentTarget()}, {@link #currentTag()}).
   *
   * @return false if the queue is empty
   */
  public boolean pop() {
    if (size == 0) {
      return false;
    }
    currentTime = keys[0];
    currentTarget = target[0];
    currentTag = tag[0];
    int last = --size;
    if (last > 0) {
      long t = keys[2 * last];
      long k = keys[2 * last + 1];
      Wakeable w = target[last];
      int g = tag[last];
      int i = 0;
      while (true) {
        int first = 4 * i + 1;
        if (first >= last) {
          break;
        }
        int end = Math.min(first + 4, last);
        int child = first;
        long ct = keys[2 * first];
        long ck = keys[2 * first + 1];
        for (int c = first + 1; c < end; c++) {
          long tc = keys[2 * c];
          long kc = keys[2 * c + 1];
          if (less(tc, kc, ct, ck)) {
            child = c;
            ct = tc;
            ck = kc;
          }
        }
        if (!less(ct, ck, t, k)) {
          break;
        }
        move(child, i);
        i = child;
      }
      put(i, t, k, w, g);
    }
    target[last] = null;
    return true;
  }

  /** Time of the earliest pending event, or {@link Long#MAX_VALUE} if none. */
  public long peekTime() {
    return size == 0 ? Long.MAX_VALUE : keys[0];
  }

  public long currentTime() {
    return currentTime;
  }

  public Wakeable currentTarget() {
    return currentTarget;
  }

  public int currentTag() {
    return currentTag;
  }

  public int size() {
    return size;
  }

  /** Events scheduled since creation: also the next sequence number. */
  public long scheduledCount() {
    return nextSeq;
  }

  private static boolean less(long t1, long k1, long t2, long k2) {
    return t1 < t2 || (t1 == t2 && k1 < k2);
  }

  private void put(int i, long t, long k, Wakeable w, int g) {
    keys[2 * i] = t;
    keys[2 * i + 1] = k;
    target[i] = w;
    tag[i] = g;
  }

  private void move(int from, int to) {
    keys[2 * to] = keys[2 * from];
    keys[2 * to + 1] = keys[2 * from + 1];
    target[to] = target[from];
    tag[to] = tag[from];
  }

  private void grow() {
    int cap = target.length * 2;
    keys = Arrays.copyOf(keys, 2 * cap);
    target = Arrays.copyOf(target, cap);
    tag = Arrays.copyOf(tag, cap);
  }
}
