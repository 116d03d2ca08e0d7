package dev.cascade.record;

import dev.cascade.ledger.Ledger;
import dev.cascade.scenario.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * Profit and loss of each account group over the run: equity (cash plus positions at the last
 * marks) at the end against equity when the run started, after every endowment and before any agent
 * acted. Accounts are grouped by {@link AccountGroups}: an account belongs to the group its name
 * gives ({@code group-k} for the scenario's agent groups; the venue, issuers and engine accounts
 * are groups of their own). The external world that endows the accounts (account 0) is left out;
 * with it the P&Ls sum to zero, since cash and units are conserved.
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
    AccountGroups groups = AccountGroups.of(sim);
    List<PnlSummary> out = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      long startEquity = 0;
      long endEquity = 0;
      long fees = 0;
      for (int a : groups.accounts(g)) {
        startEquity += a < start.length ? start[a] : 0;
        endEquity += ledger.equity(a);
        fees += ledger.feesPaid(a);
      }
      double pnl = (endEquity - startEquity) / MICRO;
      out.add(
          new PnlSummary(
              groups.name(g),
              groups.family(g),
              groups.accountCount(g),
              round2(startEquity / MICRO),
              round2(endEquity / MICRO),
              round2(pnl),
              startEquity > 0 ? round4(100 * pnl / (startEquity / MICRO)) : null,
              round2(fees / MICRO)));
    }
    return out;
  }

  /** {@code group-12} -> {@code group}; a name without a numeric suffix is its own group. */
  public static String groupOf(String account) {
    return AccountGroups.groupOf(account);
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
