package dev.cascade.agents;

/**
 * A small FIFO of an agent's open order ids, fixed capacity, no allocation. Orders that filled or
 * were cancelled elsewhere are pruned when the agent looks.
 */
public final class OpenOrders {
  private final long[] ids;
  private int head;
  private int size;

  public OpenOrders(int capacity) {
    ids = new long[Math.max(1, capacity)];
  }

  public boolean isFull() {
    return size == ids.length;
  }

  public int size() {
    return size;
  }

  public void add(long id) {
    if (isFull()) {
      throw new IllegalStateException("open-order list full");
    }
    ids[(head + size++) % ids.length] = id;
  }

  /** Removes and returns the oldest id, or 0 if empty. */
  public long pollOldest() {
    if (size == 0) {
      return 0;
    }
    long id = ids[head];
    head = (head + 1) % ids.length;
    size--;
    return id;
  }

  /** Drops ids whose orders are no longer open. */
  public void prune(AgentContext ctx) {
    int n = size;
    for (int k = 0; k < n; k++) {
      long id = pollOldest();
      if (ctx.openQty(id) > 0) {
        add(id);
      }
    }
  }

  /** Cancels every open order and empties the list. */
  public void cancelAll(AgentContext ctx) {
    while (size > 0) {
      ctx.cancel(pollOldest());
    }
  }
}
