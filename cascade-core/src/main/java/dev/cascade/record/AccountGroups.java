package dev.cascade.record;

import dev.cascade.ledger.Ledger;
import dev.cascade.scenario.AgentGroupSpec;
import dev.cascade.scenario.Simulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account groups results are reported by ({@link PnlSummary}, the positions table): an account
 * belongs to the group its name gives ({@code group-k} for the scenario's agent groups; the venue,
 * issuers and other engine accounts are groups of their own). The external world (account 0) is in
 * none. Groups are in the scenario's file order, then the engine's in the order their first account
 * was opened; a scenario group with no account in this run is left out.
 */
public final class AccountGroups {
  private final List<String> names;
  private final List<String> families;
  private final int[] groupOf;
  private final int[][] accounts;

  private AccountGroups(
      List<String> names, List<String> families, int[] groupOf, int[][] accounts) {
    this.names = names;
    this.families = families;
    this.groupOf = groupOf;
    this.accounts = accounts;
  }

  /** The groups of the accounts the simulation's ledger holds now. */
  public static AccountGroups of(Simulation sim) {
    Ledger ledger = sim.ledger();
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    Map<String, String> family = new LinkedHashMap<>();
    for (AgentGroupSpec g : sim.spec().agents()) {
      members.put(g.name(), new ArrayList<>());
      family.put(g.name(), g.family());
    }
    for (int a = 0; a < ledger.accountCount(); a++) {
      if (a == Ledger.EXTERNAL) {
        continue;
      }
      members.computeIfAbsent(groupOf(ledger.name(a)), k -> new ArrayList<>()).add(a);
    }
    List<String> names = new ArrayList<>();
    List<String> families = new ArrayList<>();
    List<int[]> accounts = new ArrayList<>();
    int[] groupOf = new int[ledger.accountCount()];
    Arrays.fill(groupOf, -1);
    for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue; // a group left out of this run
      }
      int g = names.size();
      names.add(e.getKey());
      families.add(family.getOrDefault(e.getKey(), "-"));
      int[] in = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      for (int a : in) {
        groupOf[a] = g;
      }
      accounts.add(in);
    }
    return new AccountGroups(
        List.copyOf(names), List.copyOf(families), groupOf, accounts.toArray(new int[0][]));
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

  /** How many groups there are. */
  public int size() {
    return names.size();
  }

  /** The name of group {@code g}. */
  public String name(int g) {
    return names.get(g);
  }

  /** The agent family of group {@code g}, or "-" for accounts the engine opens. */
  public String family(int g) {
    return families.get(g);
  }

  /** The accounts of group {@code g}, in the order they were opened. */
  public int[] accounts(int g) {
    return accounts[g].clone();
  }

  /** The accounts of group {@code g}, not copied: for readers in this package that keep it so. */
  int[] members(int g) {
    return accounts[g];
  }

  /** How many accounts group {@code g} has. */
  public int accountCount(int g) {
    return accounts[g].length;
  }

  /** The group of an account, or -1 for the external world and accounts opened since. */
  public int group(int account) {
    return account < groupOf.length ? groupOf[account] : -1;
  }

  /** How many ledger accounts these groups were made from. */
  public int ledgerAccounts() {
    return groupOf.length;
  }
}
