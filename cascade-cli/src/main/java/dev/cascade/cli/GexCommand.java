package dev.cascade.cli;

import dev.cascade.analytics.GammaWall;
import dev.cascade.analytics.GexPoint;
import dev.cascade.analytics.GexProfile;
import dev.cascade.analytics.ImpliedMove;
import dev.cascade.derivatives.CboeChainCsv;
import dev.cascade.derivatives.ChainLoad;
import dev.cascade.derivatives.ChainLoadError;
import dev.cascade.derivatives.ChainVols;
import dev.cascade.derivatives.OpenInterestBook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cascade gex}: the dealer gamma profile of an option chain, its flip level and walls. */
@Command(
    name = "gex",
    mixinStandardHelpOptions = true,
    description =
        "Dealer gamma exposure (GEX, dollars per 1%% move) of a CBOE option chain over a price"
            + " grid, the gamma-flip level(s), call and put walls and the implied move.")
final class GexCommand implements Callable<Integer> {
  private static final int BAR_WIDTH = 30;
  private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  private static final double FALLBACK_VOL = 0.20;

  @Spec CommandSpec spec;

  @Option(names = "--chain", required = true, description = "Chain CSV in CBOE's layout.")
  Path chain;

  @Option(names = "--spot", description = "Underlying price; default: the chain's first line.")
  Double spot;

  @Option(names = "--rate", defaultValue = "0.0", description = "Risk-free rate, decimal (0.0).")
  double rate;

  @Option(names = "--div", defaultValue = "0.0", description = "Dividend yield, decimal (0.0).")
  double div;

  @Option(
      names = "--grid-pct",
      defaultValue = "20",
      description = "Grid half-width, percent of spot (20).")
  double gridPct;

  @Option(names = "--steps", defaultValue = "41", description = "Grid points (41).")
  int steps;

  @Option(names = "--json", description = "Print the profile as JSON instead of the table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String flagError = checkFlags();
    if (flagError != null) {
      err.println("cascade gex: " + flagError);
      err.flush();
      return 2;
    }
    String unreadable = InputFile.problem(chain);
    if (unreadable != null) {
      err.println("cascade gex: " + chain + ": " + unreadable);
      err.flush();
      return 2;
    }
    ChainLoad load = CboeChainCsv.read(chain);
    if (!load.ok()) {
      err.println("cascade gex: " + chain + " is not a usable CBOE chain:");
      List<ChainLoadError> errors = load.errors();
      errors.stream().limit(10).forEach(e -> err.println("  " + e));
      if (errors.size() > 10) {
        err.println("  ... and " + (errors.size() - 10) + " more");
      }
      err.flush();
      return 2;
    }
    OpenInterestBook book = load.book().orElseThrow();
    if (book.expiries().isEmpty()) {
      // every contract expired before the chain's valuation time: no gamma is left to measure
      err.println(
          "cascade gex: "
              + chain
              + ": every contract expires before the chain's valuation time "
              + book.valuationTime()
              + "; no open interest is left to measure");
      err.flush();
      return 2;
    }
    if (spot != null) {
      book = book.withSpot(spot);
    }
    ChainVols vols = ChainVols.fromMids(book, rate, div, FALLBACK_VOL);
    GexProfile profile = GexProfile.compute(book, vols::vol, rate, div, gridPct, steps);
    if (json) {
      out.println(toJson(book, profile));
    } else {
      print(out, book, vols, profile);
    }
    out.flush();
    return 0;
  }

  /** The largest --spot (an index level or a price; SPX is in the thousands). */
  private static final double MAX_SPOT = 1e9;

  private String checkFlags() {
    if (spot != null && !(spot > 0 && spot <= MAX_SPOT)) {
      return "--spot must be a positive number of at most 1e9, got " + spot;
    }
    if (!Double.isFinite(rate) || Math.abs(rate) > 1) {
      return "--rate is a decimal per year between -1 and 1 (0.02 = 2%), got " + rate;
    }
    if (!Double.isFinite(div) || Math.abs(div) > 1) {
      return "--div is a decimal per year between -1 and 1 (0.015 = 1.5%), got " + div;
    }
    if (!(gridPct > 0 && gridPct < 100)) {
      return "--grid-pct must be in (0, 100), got " + gridPct;
    }
    if (steps < 2 || steps > 10_001) {
      return "--steps must be between 2 and 10001, got " + steps;
    }
    return null;
  }

  private void print(PrintWriter out, OpenInterestBook book, ChainVols vols, GexProfile p) {
    out.printf(
        Locale.ROOT,
        "%s option chain %s, valued %s, spot %.2f%s%n",
        book.underlying(),
        chain.getFileName(),
        book.valuationTime(),
        book.spot(),
        spot == null ? " (from the file)" : " (--spot)");
    out.printf(
        Locale.ROOT,
        "%d contracts, %d expiries, open interest %,d%n",
        book.contracts().size(),
        book.expiries().size(),
        book.totalOpenInterest());
    out.println("Assumptions:");
    out.println(
        "  dealer side   " + book.dealers().describe() + " (customers sell calls, buy puts)");
    out.printf(
        Locale.ROOT,
        "  implied vol   Black-Scholes-Merton from each strike's OTM mid (%d strikes), else ITM mid"
            + " (%d), else nearest solved strike (%d), else %.0f%% flat (%d)%n",
        vols.count(ChainVols.Source.OTM_MID),
        vols.count(ChainVols.Source.ITM_MID),
        vols.count(ChainVols.Source.NEAREST_STRIKE),
        100 * FALLBACK_VOL,
        vols.count(ChainVols.Source.FALLBACK));
    out.printf(
        Locale.ROOT,
        "  rate %.4f, dividend yield %.4f (continuous); vols held per strike across the grid;"
            + " T in minutes to settlement / 365 days%n",
        rate,
        div);
    out.println("  GEX = sum dealerSign * Gamma(S) * OI * 100 * S^2 * 0.01, $ per 1% move");
    out.println();
    double max = 0;
    for (GexPoint pt : p.points()) {
      max = Math.max(max, Math.abs(pt.net()));
    }
    out.printf(Locale.ROOT, "%10s %12s  %-" + BAR_WIDTH + "s|%s%n", "price", "GEX $bn/1%", "", "");
    for (GexPoint pt : p.points()) {
      out.printf(
          Locale.ROOT, "%10.2f %12.3f  %s%n", pt.price(), pt.net() / 1e9, bar(pt.net(), max));
    }
    out.println();
    out.printf(
        Locale.ROOT, "GEX at spot %.2f: %.3f $bn per 1%%%n", book.spot(), p.atSpot().net() / 1e9);
    if (p.flips().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "Gamma flip: none within +-%.1f%% of spot (GEX %s throughout)%n",
          gridPct,
          p.atSpot().net() >= 0 ? "positive" : "negative");
    } else {
      for (double f : p.flips()) {
        out.printf(
            Locale.ROOT, "Gamma flip: %.2f (%+.2f%% from spot)%n", f, 100 * (f / book.spot() - 1));
      }
    }
    out.println("Call wall:  " + wall(p.callWall()));
    out.println("Put wall:   " + wall(p.putWall()));
    out.println("Implied move: " + impliedMove(book));
  }

  /**
   * The profile as JSON: {@code underlying}, {@code valuationTime}, {@code spot}, {@code spotFrom}
   * ("file" or "--spot"), {@code contracts}, {@code openInterest}, {@code dealerSide}, {@code
   * rate}, {@code dividendYield}, {@code gexAtSpot}, {@code points} (price, net, calls, puts in
   * dollars per 1% move), {@code flips}, {@code callWall} and {@code putWall} (strike, exposure;
   * null without open interest) and {@code impliedMove} (expiry, years, strike, move, percent,
   * breakevens; null when no expiry has quotes for it).
   */
  private String toJson(OpenInterestBook book, GexProfile p) {
    java.util.Map<String, Object> root = new java.util.LinkedHashMap<>();
    root.put("underlying", book.underlying());
    root.put("valuationTime", String.valueOf(book.valuationTime()));
    root.put("spot", book.spot());
    root.put("spotFrom", spot == null ? "file" : "--spot");
    root.put("contracts", book.contracts().size());
    root.put("openInterest", book.totalOpenInterest());
    root.put("dealerSide", book.dealers().describe());
    root.put("rate", rate);
    root.put("dividendYield", div);
    root.put("gexAtSpot", p.atSpot().net());
    root.put("points", p.points());
    root.put("flips", p.flips());
    root.put("callWall", p.callWall().orElse(null));
    root.put("putWall", p.putWall().orElse(null));
    java.util.Map<String, Object> move = null;
    for (LocalDateTime expiry : book.expiries()) {
      Optional<ImpliedMove> m = ImpliedMove.fromBook(book, expiry, rate, div);
      if (m.isPresent()) {
        move = new java.util.LinkedHashMap<>();
        move.put("expiry", expiry.toString());
        move.put("years", m.get().years());
        move.put("strike", m.get().strike());
        move.put("move", m.get().move());
        move.put("percent", m.get().percent());
        move.put("lowerBreakeven", m.get().lowerBreakeven());
        move.put("upperBreakeven", m.get().upperBreakeven());
        break;
      }
    }
    root.put("impliedMove", move);
    return JsonText.pretty(root);
  }

  private String impliedMove(OpenInterestBook book) {
    for (LocalDateTime expiry : book.expiries()) {
      Optional<ImpliedMove> m = ImpliedMove.fromBook(book, expiry, rate, div);
      if (m.isPresent()) {
        ImpliedMove im = m.get();
        return String.format(
            Locale.ROOT,
            "+-%.2f (%.2f%%) to %s (%.1f days), ATM straddle at %.2f: breakevens %.2f / %.2f",
            im.move(),
            im.percent(),
            expiry,
            im.years() * 365,
            im.strike(),
            im.lowerBreakeven(),
            im.upperBreakeven());
      }
    }
    return "unavailable (no expiry has two-sided call and put quotes at one strike)";
  }

  private static String wall(Optional<GammaWall> w) {
    return w.map(
            x ->
                String.format(
                    Locale.ROOT, "%.2f (%.3f $bn per 1%%)", x.strike(), x.exposure() / 1e9))
        .orElse("none (no open interest)");
  }

  /** A bar centred on a '|' axis: negative values to the left, positive to the right. */
  static String bar(double value, double max) {
    int eighths = max > 0 ? (int) Math.round(Math.abs(value) / max * BAR_WIDTH * 8) : 0;
    String body = "█".repeat(eighths / 8) + EIGHTHS[eighths % 8];
    if (value < 0) {
      // partial blocks are left-aligned glyphs, so the left side uses whole blocks only
      String left = "█".repeat((eighths + 4) / 8);
      return " ".repeat(BAR_WIDTH - left.length()) + left + "|";
    }
    return " ".repeat(BAR_WIDTH) + "|" + body;
  }
}
