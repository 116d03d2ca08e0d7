package dev.cascade.cli;

import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.execution.TwapExecution;
import dev.cascade.analytics.PowerLawFit;
import dev.cascade.kernel.SessionKind;
import dev.cascade.kernel.Time;
import dev.cascade.market.OrderBook;
import dev.cascade.market.Side;
import dev.cascade.record.AccountGroups;
import dev.cascade.scenario.InstrumentSpec;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.Simulation;
import dev.cascade.scenario.Simulations;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The measurement behind {@code cascade impact} (docs/model.md §6): paired runs with and without a
 * metaorder, the impact path side x (ln p_with - ln p_without) / sigma_d of the mid, its mean and
 * standard error over seeds, the decay after the metaorder's end and the power-law fit.
 */
final class ImpactStudy {
  private ImpactStudy() {}

  /** The literature's figures the result is set against. */
  static final double DELTA_LOW = 0.4;

  static final double DELTA_HIGH = 0.6;
  static final double Y_LOW = 0.5;
  static final double Y_HIGH = 1.5;
  static final double LEFT_LOW = 0.5;
  static final double LEFT_HIGH = 0.8;

  /**
   * What to run.
   *
   * @param base the scenario as written (the runs without a metaorder)
   * @param variants the scenario with each size's metaorder added, in size order
   * @param symbol the instrument traded
   * @param side buy or sell
   * @param at when the metaorder starts
   * @param minutes its duration
   * @param firstSeed seeds run firstSeed .. firstSeed + seeds - 1
   * @param seeds seeds per size
   * @param pcts sizes, percent of daily volume
   * @param lots sizes, lots
   * @param dailyVolume V, lots
   * @param vol the daily volatility sigma_d and how it was annualised
   */
  record Design(
      ScenarioSpec base,
      List<ScenarioSpec> variants,
      String symbol,
      Side side,
      OffsetDateTime at,
      double minutes,
      long firstSeed,
      int seeds,
      List<Double> pcts,
      List<Long> lots,
      long dailyVolume,
      DailyVol vol,
      double liquidityScaling) {}

  /**
   * The daily volatility an instrument states: sigma_d = fundamentalVolPct / 100 / sqrt(days), with
   * 252 trading days a year for US equities and Globex, 365 for crypto (docs/model.md §1).
   *
   * @param annualPct the stated annual volatility, percent
   * @param daysPerYear the annualisation
   * @param sigmaDaily the daily volatility, a fraction (0.01 = 1%)
   */
  record DailyVol(double annualPct, int daysPerYear, double sigmaDaily) {}

  static DailyVol dailyVol(InstrumentSpec i) {
    int days = i.session() == SessionKind.CRYPTO_24_7 ? 365 : 252;
    return new DailyVol(i.fundamentalVolPct(), days, i.fundamentalVolPct() / 100 / Math.sqrt(days));
  }

  /** A mean over seeds with its standard error (sd / sqrt(n)); NaN when undefined. */
  record Estimate(double mean, double se) {}

  /**
   * One size's figures.
   *
   * @param pctOfDailyVolume Q/V in percent
   * @param lots Q
   * @param filledShare mean share of Q filled by the end
   * @param peak impact at the metaorder's end, units of sigma_d
   * @param left30 impact 30 minutes after the end as a fraction of the peak (ratio of means)
   * @param left60 the same 60 minutes after
   * @param path mean impact (units of sigma_d) each minute from the metaorder's start
   */
  record SizeRow(
      double pctOfDailyVolume,
      long lots,
      double filledShare,
      Estimate peak,
      Estimate left30,
      Estimate left60,
      List<Double> path,
      List<Absorber> absorbers) {}

  /**
   * Who took the other side of a metaorder: an account group's change of position in the instrument
   * against the same seed without the metaorder, as a share of the lots the metaorder filled
   * (positive = the group bought what a sell metaorder sold), at its end and 60 minutes after; mean
   * ± standard error over seeds. The metaorder's own account is left out, so the shares of a fully
   * filled metaorder sum to 1 at its end.
   */
  record Absorber(String group, String family, Estimate atEnd, Estimate after60) {}

  /** A figure against its target. */
  record Check(
      String figure,
      double measured,
      double se,
      double targetLow,
      double targetHigh,
      String source,
      boolean pass) {}

  /** What {@code cascade impact} reports ({@code --json} prints it). */
  record Result(
      String scenario,
      String instrument,
      String side,
      String start,
      double minutes,
      long childIntervalSeconds,
      List<Long> seeds,
      long dailyVolumeLots,
      DailyVol dailyVol,
      List<SizeRow> sizes,
      List<Double> excludedFromFit,
      PowerLawFit fit,
      Estimate left60AllSizes,
      List<Check> checks,
      double liquidityScaling) {}

  /** Runs every pair and measures them. */
  static Result run(Design d, AgentRegistry registry, int threads) throws InterruptedException {
    long at = Time.ofInstant(d.at().toInstant());
    long end = at + Math.round(d.minutes() * Time.NANOS_PER_MINUTE);
    long[] times = sampleTimes(at, end);
    int iPeak = indexOf(times, end);
    int i30 = indexOf(times, end + 30 * Time.NANOS_PER_MINUTE);
    int i60 = indexOf(times, end + 60 * Time.NANOS_PER_MINUTE);
    int instrument = -1;
    for (int k = 0; k < d.base().instruments().size(); k++) {
      if (d.base().instruments().get(k).symbol().equals(d.symbol())) {
        instrument = k;
      }
    }
    int nv = d.variants().size();
    // job v x seeds + k: variant v (nv = the baseline) with seed k
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Path[][] paths = new Path[nv + 1][d.seeds()];
    try {
      List<Future<Path>> futures = new ArrayList<>();
      for (int v = 0; v <= nv; v++) {
        ScenarioSpec s = v < nv ? d.variants().get(v) : d.base();
        for (int k = 0; k < d.seeds(); k++) {
          long seed = d.firstSeed() + k;
          int id = instrument;
          futures.add(pool.submit(() -> path(s, seed, id, times, iPeak, i60, registry)));
        }
      }
      for (int v = 0, f = 0; v <= nv; v++) {
        for (int k = 0; k < d.seeds(); k++, f++) {
          paths[v][k] = futures.get(f).get();
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("a simulation failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }

    double sign = d.side().sign();
    double sd = d.vol().sigmaDaily();
    int n = d.seeds();
    List<SizeRow> rows = new ArrayList<>();
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    List<Double> excluded = new ArrayList<>();
    double[] pooledPeak = new double[n];
    double[] pooled60 = new double[n];
    for (int v = 0; v < nv; v++) {
      double[][] impact = new double[n][times.length];
      double[] filled = new double[n];
      for (int k = 0; k < n; k++) {
        for (int j = 0; j < times.length; j++) {
          impact[k][j] = sign * (paths[v][k].lnMid[j] - paths[nv][k].lnMid[j]) / sd;
        }
        filled[k] = paths[v][k].filledShare;
      }
      double[] peak = column(impact, iPeak);
      Estimate p = estimate(peak);
      List<Double> path = new ArrayList<>();
      for (int j = 0; j < times.length; j++) {
        if ((times[j] - at) % Time.NANOS_PER_MINUTE == 0) {
          path.add(SampleStats.round4(SampleStats.mean(column(impact, j))));
        }
      }
      rows.add(
          new SizeRow(
              d.pcts().get(v),
              d.lots().get(v),
              SampleStats.round4(SampleStats.mean(filled)),
              p,
              ratio(column(impact, i30), peak),
              ratio(column(impact, i60), peak),
              path,
              absorbers(paths[v], paths[nv], sign)));
      if (p.mean() > 0) {
        xs.add((double) d.lots().get(v) / d.dailyVolume());
        ys.add(p.mean());
        double[] c60 = column(impact, i60);
        for (int k = 0; k < n; k++) {
          pooledPeak[k] += peak[k];
          pooled60[k] += c60[k];
        }
      } else {
        excluded.add(d.pcts().get(v));
      }
    }
    PowerLawFit fit =
        xs.size() >= 2
            ? PowerLawFit.of(
                xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray())
            : null;
    Estimate left60 =
        xs.isEmpty() ? new Estimate(Double.NaN, Double.NaN) : ratio(pooled60, pooledPeak);
    List<Check> checks = new ArrayList<>();
    checks.add(
        check(
            "delta",
            fit == null ? Double.NaN : fit.delta(),
            fit == null ? Double.NaN : fit.deltaSe(),
            DELTA_LOW,
            DELTA_HIGH,
            "Toth et al. 2011, Phys. Rev. X 1, 021006"));
    checks.add(
        check(
            "Y",
            fit == null ? Double.NaN : fit.y(),
            fit == null ? Double.NaN : fit.ySe(),
            Y_LOW,
            Y_HIGH,
            "Bouchaud et al. 2018, Trades, Quotes and Prices, ch. 12"));
    checks.add(
        check(
            "left after 60 min",
            left60.mean(),
            left60.se(),
            LEFT_LOW,
            LEFT_HIGH,
            "Bershova and Rakhlin 2013, Quant. Finance 13(11)"));
    List<Long> seeds = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      seeds.add(d.firstSeed() + k);
    }
    return new Result(
        d.base().name(),
        d.symbol(),
        d.side() == Side.BUY ? "buy" : "sell",
        d.at().toString(),
        d.minutes(),
        TwapExecution.CHILD_INTERVAL_NANOS / Time.NANOS_PER_SECOND,
        seeds,
        d.dailyVolume(),
        d.vol(),
        rows,
        excluded,
        fit,
        left60,
        checks,
        d.liquidityScaling());
  }

  private static Check check(
      String figure, double value, double se, double low, double high, String source) {
    return new Check(
        figure,
        SampleStats.round4(value),
        SampleStats.round4(se),
        low,
        high,
        source,
        value >= low && value <= high);
  }

  /**
   * The mid's log at each sample time, the metaorder's filled share and lots (NaN and 0 without
   * one), and each account group's position in the instrument at the metaorder's end and 60 minutes
   * after (lots; groups by name, file order, the metaorder's own left out).
   */
  record Path(double[] lnMid, double filledShare, long filledLots, Map<String, Holding> holdings) {}

  /** A group's family and its positions at the metaorder's end and 60 minutes after, lots. */
  record Holding(String family, long atEnd, long after60) {}

  /** Runs one seed to the last sample time, reading the instrument's mid at each. */
  static Path path(
      ScenarioSpec s,
      long seed,
      int instrument,
      long[] times,
      int iEnd,
      int i60,
      AgentRegistry registry) {
    Simulation sim = Simulations.resolve(s, seed, Set.of(), registry);
    double[] ln = new double[times.length];
    long[][] held = null;
    AccountGroups groups = null;
    for (int j = 0; j < times.length; j++) {
      sim.runUntil(times[j]);
      if (j == iEnd) {
        groups = AccountGroups.of(sim);
        held = new long[groups.size()][2];
      }
      if (j == iEnd || j == i60) {
        int col = j == iEnd ? 0 : 1;
        for (int g = 0; g < groups.size(); g++) {
          for (int a : groups.accounts(g)) {
            held[g][col] += sim.ledger().position(a, instrument);
          }
        }
      }
      OrderBook book = sim.exchange().book(instrument);
      long bid = book.bestBid();
      long ask = book.bestAsk();
      double mid =
          bid != OrderBook.NO_PRICE && ask != OrderBook.NO_PRICE
              ? 0.5 * (bid + ask)
              : sim.exchange().lastPrice(instrument);
      ln[j] = Math.log(mid);
    }
    double filled = Double.NaN;
    long filledLots = 0;
    if (!sim.metaorders().isEmpty()) {
      TwapExecution x = sim.metaorders().get(sim.metaorders().size() - 1);
      filled = (double) x.filledLots() / x.totalLots();
      filledLots = x.filledLots();
    }
    Map<String, Holding> holdings = new LinkedHashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      // the metaorders' own accounts (the loader keeps scenario groups off the name)
      if (!groups.name(g).equals(Simulations.METAORDER_GROUP)) {
        holdings.put(groups.name(g), new Holding(groups.family(g), held[g][0], held[g][1]));
      }
    }
    return new Path(ln, filled, filledLots, holdings);
  }

  /**
   * Each group's change of position against the baseline, as a share of the lots filled, signed so
   * that taking the other side of the metaorder is positive; groups in the runs' order (a group
   * only one run has counts as holding nothing in the other).
   */
  static List<Absorber> absorbers(Path[] with, Path[] without, double side) {
    Map<String, String> families = new LinkedHashMap<>();
    for (int k = 0; k < with.length; k++) {
      with[k].holdings().forEach((g, h) -> families.putIfAbsent(g, h.family()));
      without[k].holdings().forEach((g, h) -> families.putIfAbsent(g, h.family()));
    }
    List<Absorber> out = new ArrayList<>();
    for (Map.Entry<String, String> e : families.entrySet()) {
      double[] end = new double[with.length];
      double[] later = new double[with.length];
      for (int k = 0; k < with.length; k++) {
        Holding a = with[k].holdings().get(e.getKey());
        Holding b = without[k].holdings().get(e.getKey());
        double lots = Math.max(1, with[k].filledLots());
        end[k] = -side * ((a == null ? 0 : a.atEnd()) - (b == null ? 0 : b.atEnd())) / lots;
        later[k] = -side * ((a == null ? 0 : a.after60()) - (b == null ? 0 : b.after60())) / lots;
      }
      out.add(new Absorber(e.getKey(), e.getValue(), estimate(end), estimate(later)));
    }
    return out;
  }

  /** Every whole minute from the start to 60 minutes after the end, and the end's decay times. */
  static long[] sampleTimes(long at, long end) {
    TreeSet<Long> t = new TreeSet<>();
    long last = end + 60 * Time.NANOS_PER_MINUTE;
    for (long x = at; x <= last; x += Time.NANOS_PER_MINUTE) {
      t.add(x);
    }
    t.add(end);
    t.add(end + 30 * Time.NANOS_PER_MINUTE);
    t.add(last);
    return t.stream().mapToLong(Long::longValue).toArray();
  }

  private static int indexOf(long[] times, long t) {
    for (int j = 0; j < times.length; j++) {
      if (times[j] == t) {
        return j;
      }
    }
    throw new IllegalArgumentException("not a sample time");
  }

  private static double[] column(double[][] m, int j) {
    double[] c = new double[m.length];
    for (int k = 0; k < m.length; k++) {
      c[k] = m[k][j];
    }
    return c;
  }

  static Estimate estimate(double[] v) {
    double se = v.length > 1 ? SampleStats.sd(v) / Math.sqrt(v.length) : Double.NaN;
    return new Estimate(SampleStats.round4(SampleStats.mean(v)), SampleStats.round4(se));
  }

  /**
   * mean(a) / mean(b) over seeds, with the delta method's standard error: var(R) = (var a - 2 R
   * cov(a, b) + R^2 var b) / (n mean(b)^2). NaN when mean(b) is not positive.
   */
  static Estimate ratio(double[] a, double[] b) {
    int n = a.length;
    double ma = SampleStats.mean(a);
    double mb = SampleStats.mean(b);
    if (!(mb > 0)) {
      return new Estimate(Double.NaN, Double.NaN);
    }
    double r = ma / mb;
    if (n < 2) {
      return new Estimate(SampleStats.round4(r), Double.NaN);
    }
    double va = 0;
    double vb = 0;
    double cab = 0;
    for (int k = 0; k < n; k++) {
      va += (a[k] - ma) * (a[k] - ma);
      vb += (b[k] - mb) * (b[k] - mb);
      cab += (a[k] - ma) * (b[k] - mb);
    }
    va /= n - 1;
    vb /= n - 1;
    cab /= n - 1;
    double var = Math.max(0, va - 2 * r * cab + r * r * vb) / (n * mb * mb);
    return new Estimate(SampleStats.round4(r), SampleStats.round4(Math.sqrt(var)));
  }
}
