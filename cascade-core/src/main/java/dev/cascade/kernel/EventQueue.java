package dev.cascade.kernel;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by (time, priority, sequence). The sequence number is
 * assigned at scheduling, so two events at the same time and priority run in the order they were
 * scheduled: ties are stable, and the order never depends on object identity or hashing.
 *
 * <p>Hot path: events live in parallel primitive arrays that grow by doubling and are reused, so
 * scheduling and popping allocate nothing in steady state.
 */
public final class EventQueue {
  private long[] time;
  private int[] priority;
  private long[] seq;
  private Wakeable[] target;
  private int[] tag;
  private int size;
  private long nextSeq;

  private long currentTime;
  private Wakeable currentTarget;
  private int currentTag;

  public EventQueue(int initialCapacity) {
    int cap = Math.max(16, initialCapacity);
    time = new long[cap];
    priority = new int[cap];
    seq = new long[cap];
    target = new Wakeable[cap];
    tag = new int[cap];
  }

  /** Schedules {@code target.wake(timeNanos, tag)}. */
  public void schedule(long timeNanos, int prio, Wakeable who, int whoTag) {
    if (size == time.length) {
      grow();
    }
    int i = size++;
    long s = nextSeq++;
    // sift up
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(timeNanos, prio, s, parent)) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    time[i] = timeNanos;
    priority[i] = prio;
    seq[i] = s;
    target[i] = who;
    tag[i] = whoTag;
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
    currentTime = time[0];
    currentTarget = target[0];
    currentTag = tag[0];
    int last = --size;
    if (last > 0) {
      long t = time[last];
      int p = priority[last];
      long s = seq[last];
      Wakeable w = target[last];
      int g = tag[last];
      int i = 0;
      int half = last >>> 1;
      while (i < half) {
        int child = 2 * i + 1;
        int right = child + 1;
        if (right < last && lessIdx(right, child)) {
          child = right;
        }
        if (!less(time[child], priority[child], seq[child], t, p, s)) {
          break;
        }
        move(child, i);
        i = child;
      }
      time[i] = t;
      priority[i] = p;
      seq[i] = s;
      target[i] = w;
      tag[i] = g;
    }
    target[last] = null;
    return true;
  }

  /** Time of the earliest pending event, or {@link Long#MAX_VALUE} if none. */
  public long peekTime() {
    return size == 0 ? Long.MAX_VALUE : time[0];
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

  private boolean less(long t, int p, long s, int idx) {
    return less(t, p, s, time[idx], priority[idx], seq[idx]);
  }

  private boolean lessIdx(int a, int b) {
    return less(time[a], priority[a], seq[a], time[b], priority[b], seq[b]);
  }

  private static boolean less(long t1, int p1, long s1, long t2, int p2, long s2) {
    if (t1 != t2) {
      return t1 < t2;
    }
    if (p1 != p2) {
      return p1 < p2;
    }
    return s1 < s2;
  }

  private void move(int from, int to) {
    time[to] = time[from];
    priority[to] = priority[from];
    seq[to] = seq[from];
    target[to] = target[from];
    tag[to] = tag[from];
  }

  private void grow() {
    int cap = time.length * 2;
    time = Arrays.copyOf(time, cap);
    priority = Arrays.copyOf(priority, cap);
    seq = Arrays.copyOf(seq, cap);
    target = Arrays.copyOf(target, cap);
    tag = Arrays.copyOf(tag, cap);
  }
}
