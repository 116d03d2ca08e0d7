package dev.cascade.record;

import dev.cascade.ledger.Ledger;
import dev.cascade.scenario.AgentGroupSpec;
import dev.cascade.scenario.Simulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Profit and loss of each account group over the run: equity (cash plus positions at the last
 * marks) at the end against equity when the run started, after every endowment and before any agent
 * acted. An account belongs to the group its name gives ({@code group-k} for the scenario's agent
 * groups; the venue, issuers and engine accounts are groups of their own). The external world that
 * endows the accounts (account 0) is left out; with it the P&Ls sum to zero, since cash and units
 * are conserved.
 *
 * @param group the group's name
 * @param family its agent family, or "-" for accounts the engine opens (venue, issuers, ...)
 * @param accounts accounts in the group
 * @param startEquity equity at the start, currency units
 * @param endEquity equity at the end, currency units
 * @param pnl end minus start, currency units
 * @param pnlPct pnl over the start equity, percent (null when the start equity is not positive)
 * @param feesPaid exchange fees the group paid, currency units
 */
public record PnlSummary(
    String group,
    String family,
    int accounts,
    double startEquity,
    double endEquity,
    double pnl,
    Double pnlPct,
    double feesPaid) {

  private static final double MICRO = 1e6;

  /** The groups of a finished run, the scenario's groups first in file order, then the others. */
  public static List<PnlSummary> of(Simulation sim) {
    Ledger ledger = sim.ledger();
    long[] start = sim.startEquity();
    Map<String, long[]> sums = new LinkedHashMap<>(); // start, end, fees, accounts
    Map<String, String> family = new LinkedHashMap<>();
    for (AgentGroupSpec g : sim.spec().agents()) {
      sums.put(g.name(), new long[4]);
      family.put(g.name(), g.family());
    }
    for (int a = 0; a < ledger.accountCount(); a++) {
      if (a == Ledger.EXTERNAL) {
        continue;
      }
      String group = groupOf(ledger.name(a));
      long[] s = sums.computeIfAbsent(group, k -> new long[4]);
      s[0] += a < start.length ? start[a] : 0;
      s[1] += ledger.equity(a);
      s[2] += ledger.feesPaid(a);
      s[3]++;
    }
    List<PnlSummary> out = new ArrayList<>();
    for (Map.Entry<String, long[]> e : sums.entrySet()) {
      long[] s = e.getValue();
      if (s[3] == 0) {
        continue; // a group left out of this run
      }
      double pnl = (s[1] - s[0]) / MICRO;
      out.add(
          new PnlSummary(
              e.getKey(),
              family.getOrDefault(e.getKey(), "-"),
              (int) s[3],
              round2(s[0] / MICRO),
              round2(s[1] / MICRO),
              round2(pnl),
              s[0] > 0 ? round4(100 * pnl / (s[0] / MICRO)) : null,
              round2(s[2] / MICRO)));
    }
    return out;
  }

  /** {@code group-12} -> {@code group}; a name without a numeric suffix is its own group. */
  public static String groupOf(String account) {
    int dash = account.lastIndexOf('-');
    if (dash > 0 && dash < account.length() - 1) {
      for (int i = dash + 1; i < account.length(); i++) {
        if (!Character.isDigit(account.charAt(i))) {
          return account;
        }
      }
      return account.substring(0, dash);
    }
    return account;
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
