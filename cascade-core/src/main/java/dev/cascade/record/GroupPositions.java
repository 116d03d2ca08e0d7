package dev.cascade.record;

import dev.cascade.ledger.Ledger;
import dev.cascade.margin.PrimeBroker;
import dev.cascade.scenario.Simulation;
import java.util.Arrays;
import java.util.List;

/**
 * Each account group's holdings now, read from the ledger (and the margin desks) without changing
 * anything: per instrument the lots summed over the group's accounts and their value as {@link
 * Ledger#equity} counts it ({@link Ledger#positionValue}: lots at the mark, a future or perpetual
 * at its move since the last settlement), and per group cash, equity, profit since the run started
 * (as {@link PnlSummary} reckons it) and the maintenance margin its covered accounts need. Groups
 * are {@link AccountGroups}'. One {@link #sample} fills fixed arrays, so reading it over a run
 * allocates nothing per sample; the groups are looked up again only if accounts were opened since.
 */
public final class GroupPositions {
  private final Simulation sim;
  private final Ledger ledger;
  private final List<PrimeBroker> brokers;
  private final int instruments;
  private AccountGroups groups;
  private PrimeBroker[] coveredBy = new PrimeBroker[0];
  private long[] startEquity = new long[0];
  private long[][] units = new long[0][];
  private long[][] value = new long[0][];
  private boolean[][] held = new boolean[0][];
  private long[] cash = new long[0];
  private long[] equity = new long[0];
  private long[] margin = new long[0];
  private boolean[] covered = new boolean[0];
  private long time = Long.MIN_VALUE;

  public GroupPositions(Simulation sim) {
    this.sim = sim;
    this.ledger = sim.ledger();
    this.brokers = sim.world().brokers();
    this.instruments = sim.instruments().size();
  }

  /** Reads every group's holdings now; {@code timeNanos} is kept as {@link #time}. */
  public void sample(long timeNanos) {
    if (groups == null || groups.ledgerAccounts() != ledger.accountCount()) {
      regroup();
    }
    time = timeNanos;
    for (int g = 0; g < groups.size(); g++) {
      long[] u = units[g];
      long[] v = value[g];
      Arrays.fill(u, 0);
      Arrays.fill(v, 0);
      long c = 0;
      long e = 0;
      long m = 0;
      boolean cov = false;
      for (int a : groups.members(g)) {
        c += ledger.cash(a);
        e += ledger.equity(a);
        for (int i = 0; i < instruments; i++) {
          long p = ledger.position(a, i);
          if (p != 0) {
            u[i] += p;
            v[i] += ledger.positionValue(a, i);
          }
        }
        PrimeBroker b = coveredBy[a];
        if (b != null) {
          cov = true;
          m += b.maintenance(a);
        }
      }
      for (int i = 0; i < instruments; i++) {
        held[g][i] |= u[i] != 0;
      }
      cash[g] = c;
      equity[g] = e;
      margin[g] = m;
      covered[g] = cov;
    }
  }

  private void regroup() {
    AccountGroups next = AccountGroups.of(sim);
    int n = next.size();
    boolean[][] wasHeld = held;
    AccountGroups was = groups;
    units = new long[n][instruments];
    value = new long[n][instruments];
    held = new boolean[n][instruments];
    cash = new long[n];
    equity = new long[n];
    margin = new long[n];
    covered = new boolean[n];
    startEquity = new long[n];
    long[] start = sim.startEquity();
    for (int g = 0; g < n; g++) {
      for (int a : next.accounts(g)) {
        startEquity[g] += a < start.length ? start[a] : 0;
      }
      if (was != null) {
        for (int k = 0; k < was.size(); k++) {
          if (was.name(k).equals(next.name(g))) {
            held[g] = wasHeld[k].clone();
          }
        }
      }
    }
    coveredBy = new PrimeBroker[ledger.accountCount()];
    for (int a = 0; a < coveredBy.length; a++) {
      for (PrimeBroker b : brokers) {
        if (b.covers(a)) {
          coveredBy[a] = b;
          break;
        }
      }
    }
    groups = next;
  }

  /** The groups of the last sample. */
  public AccountGroups groups() {
    return groups;
  }

  /** The time of the last sample, nanoseconds. */
  public long time() {
    return time;
  }

  /** Lots of instrument {@code i} the group's accounts hold together (short negative). */
  public long units(int g, int i) {
    return units[g][i];
  }

  /** What those lots add to the group's equity, micro-units. */
  public long value(int g, int i) {
    return value[g][i];
  }

  /** Whether the group has held instrument {@code i} at this or an earlier sample. */
  public boolean everHeld(int g, int i) {
    return held[g][i];
  }

  /** The group's cash, micro-units. */
  public long cash(int g) {
    return cash[g];
  }

  /** The group's equity (cash plus every position's value), micro-units. */
  public long equity(int g) {
    return equity[g];
  }

  /** The group's equity now less its equity when the run started, micro-units. */
  public long pnl(int g) {
    return equity[g] - startEquity[g];
  }

  /** Whether a margin desk covers any account of the group. */
  public boolean marginCovered(int g) {
    return covered[g];
  }

  /** The maintenance margin the desks require of the group's covered accounts, micro-units. */
  public long marginUsed(int g) {
    return margin[g];
  }
}
