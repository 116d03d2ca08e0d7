package dev.cascade.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.cause.CauseKind;
import dev.cascade.record.LiquidationSummary;
import dev.cascade.record.MarginSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Margin calls and liquidations: the calls per broker or venue (count, amount, outcome), the
 * liquidations per venue and instrument (longs sold, shorts bought back), the insurance fund and
 * auto-deleveraging, and the liquidation notional over time. Reads summary.json's {@code margin}
 * and {@code liquidations} sections, and trades.csv for the chart (orders whose cause kind is
 * liquidation or adl). Drawn when some desk has accounts or a venue has an insurance fund.
 */
final class MarginSection implements ReportSection {
  @Override
  public String reads() {
    return "summary.json#margin, summary.json#liquidations, " + RunData.TRADES;
  }

  @Override
  public boolean presentIn(RunData run) {
    if (run.summary == null) {
      return false;
    }
    MarginSummary m = run.summary.margin();
    LiquidationSummary l = run.summary.liquidations();
    boolean desks = m != null && m.desks() != null && m.desks().stream().anyMatch(d -> active(d));
    boolean venues =
        l != null
            && ((l.venues() != null && l.venues().stream().anyMatch(v -> v.orders() > 0))
                || l.insuranceFund() != null);
    return desks || venues;
  }

  private static boolean active(MarginSummary.Desk d) {
    return d.accounts() > 0 || d.calls() > 0;
  }

  @Override
  public void write(RunData run, ReportPage page) {
    page.section(
        "margin",
        "Margin calls and liquidations",
        "Calls issued by each prime broker or clearing venue and what became of them; the"
            + " positions its liquidation orders closed; the perpetual venue's insurance fund and"
            + " auto-deleveraging. Dollars at the time of the call or trade.",
        reads());
    MarginSummary m = run.summary.margin();
    LiquidationSummary l = run.summary.liquidations();
    if (l != null) {
      List<String[]> facts = new ArrayList<>();
      double total = 0;
      int accounts = 0;
      for (LiquidationSummary.Venue v : l.venues()) {
        total += v.notional();
        accounts += v.accounts();
      }
      int calls = 0;
      if (m != null) {
        for (MarginSummary.Desk d : m.desks()) {
          calls += d.calls();
        }
      }
      facts.add(new String[] {"Margin calls", Integer.toString(calls)});
      facts.add(new String[] {"Accounts liquidated", Integer.toString(accounts)});
      facts.add(new String[] {"Liquidated notional", ReportPage.money(total, run.summary.scale())});
      facts.add(
          new String[] {
            "Insurance fund (end)",
            l.insuranceFund() == null ? "none" : ReportPage.money(l.insuranceFund())
          });
      facts.add(new String[] {"Fund takeovers", Integer.toString(l.insuranceTakeovers())});
      facts.add(
          new String[] {
            "Auto-deleveraging",
            String.format(Locale.ROOT, "%d events, %,d lots", l.adlEvents(), l.adlLots())
          });
      page.facts(facts);
    }
    if (m != null) {
      List<String[]> rows = new ArrayList<>();
      for (MarginSummary.Desk d : m.desks()) {
        if (!active(d)) {
          continue;
        }
        rows.add(
            new String[] {
              d.name(),
              Integer.toString(d.accounts()),
              Integer.toString(d.calls()),
              ReportPage.money(d.callAmount(), run.summary.scale()),
              Integer.toString(d.met()),
              Integer.toString(d.liquidated()),
              Integer.toString(d.open()),
              ReportPage.money(d.variationPaid())
            });
      }
      if (!rows.isEmpty()) {
        page.html("<h3>Margin calls by desk</h3>\n");
        page.table(
            new String[][] {
              {"Desk"},
              {"Accounts"},
              {"Calls"},
              {"Called", "$ deficit"},
              {"Met"},
              {"Liquidated"},
              {"Open at end"},
              {"Variation paid", "$"}
            },
            rows);
      }
    }
    if (l != null) {
      List<String[]> rows = new ArrayList<>();
      for (LiquidationSummary.Venue v : l.venues()) {
        if (v.orders() == 0 && v.accounts() == 0) {
          continue;
        }
        rows.add(
            new String[] {
              v.name(),
              "all",
              Integer.toString(v.accounts()),
              Integer.toString(v.orders()),
              ReportPage.money(v.longs()),
              ReportPage.money(v.shorts()),
              ReportPage.money(v.notional(), run.summary.scale())
            });
        for (LiquidationSummary.ByInstrument i : v.instruments()) {
          rows.add(
              new String[] {
                "",
                i.symbol(),
                "",
                "",
                ReportPage.money(i.longs()),
                ReportPage.money(i.shorts()),
                ReportPage.money(i.longs() + i.shorts())
              });
        }
      }
      if (!rows.isEmpty()) {
        page.html("<h3>Liquidations by venue and instrument</h3>\n");
        page.table(
            new String[][] {
              {"Venue"},
              {"Instrument", "", "left"},
              {"Accounts"},
              {"Orders"},
              {"Longs sold", "$"},
              {"Shorts bought", "$"},
              {"Total", "$"}
            },
            rows);
      }
    }
    if (run.flow.isPresent()
        && (run.flow.get().total(CauseKind.LIQUIDATION) > 0
            || run.flow.get().total(CauseKind.ADL) > 0)) {
      ObjectNode c =
          page.chart(
              "liquidations-over-time",
              "flow",
              "wide",
              "Liquidation notional per "
                  + FlowSection.bucket(run.flow.get())
                  + " (longs sold ↑, shorts bought back ↓)");
      FlowSection.fill(c, run.flow.get(), new CauseKind[] {CauseKind.LIQUIDATION, CauseKind.ADL});
    } else {
      page.html("<p>No liquidation orders traded in this run.</p>\n");
    }
    page.endSection();
  }
}
