package dev.cascade.derivatives;

import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Gaussian;
import dev.cascade.kernel.Priority;
import dev.cascade.kernel.RandomStreams;
import dev.cascade.kernel.Scheduler;
import dev.cascade.kernel.Time;
import dev.cascade.kernel.Wakeable;
import dev.cascade.market.Exchange;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketListener;
import dev.cascade.market.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The listed-options market of a run: one {@link VolSurface} per underlying, shared by every dealer
 * on it; the dealers' {@link DealerBook}s; a VIX-style index ({@link VixIndex}) computed from each
 * surface; and the tallies the run summary reads ({@link #reports}). Idle (no listener, no events)
 * until a dealer {@link #register registers} a book.
 *
 * <p>Surface coupling. Every {@link #SURFACE_SECONDS} of simulated time while the underlying
 * trades, the surface is updated with the last trade price, the exchange's short-term realised vol
 * and one standard normal draw for its residual from the stream "vol:SYMBOL", over dt / trading day
 * of the day ({@link VolSurface#update(double, double, double, double)}); the index is sampled
 * right after. On the first sample after the underlying's session closes, the surface is told the
 * close ({@link VolSurface#closeSession}, the last trade price), which anchors the next day's spot
 * response. The surface starts at the defaults of {@link VolSurfaceParams#defaults()} with its ATM
 * level at impliedOverRealized x the exchange's prior vol of the underlying, and its EWMA speed
 * rescaled from RiskMetrics' daily lambda 0.94 to the update interval: alpha = 1 - 0.94^(dt /
 * trading day), a trading day being 1/252 of the session's trading year.
 *
 * <p>Every {@link #SAMPLE_SECONDS} the sign of the dealers' net GEX at spot is compared with its
 * sign at the first sample: the first difference is the time spot crossed the flip. Trades are
 * watched to count hedge volume (orders whose cause is {@link CauseKind#HEDGE}). The dealers' GEX
 * profile over the flip's price grid is kept at the first sample and can be computed now ({@link
 * #profiles}); the index samples are kept for the run directory ({@link #vixSamples}). Events run
 * at {@link Priority#SAMPLING}, after the agents at the same instant. Rate and dividend yield are 0
 * (assumed).
 */
public final class OptionsMarket implements MarketListener, Wakeable {
  /** Seconds between checks of the sign of net dealer gamma at spot. */
  public static final double SAMPLE_SECONDS = 10;

  /** Seconds between surface updates and index samples (assumed: the exchange's 300 s vol EWMA). */
  public static final double SURFACE_SECONDS = 300;

  /** Risk-free rate used for books, surface and index (assumed 0). */
  public static final double RATE = 0;

  /** Dividend yield used for books, surface and index (assumed 0). */
  public static final double DIV = 0;

  private static final double RISKMETRICS_DAILY_LAMBDA = 0.94;
  private static final int SAMPLE = 1;

  /**
   * The lowest vega pressure: net selling of the futures takes back pressure their buying put on,
   * but does not mark the surface below its level without demand (assumed).
   */
  private static final double MIN_PRESSURE = 0;

  private final Scheduler clock;
  private final RandomStreams streams;
  private final Exchange exchange;
  private final CauseLog causes;
  private final VixIndex vix = VixIndex.standard();
  private final Underlying[] byInstrument;
  private final Underlying[] futureOf;

  /** Per future: dollars per index point of one lot, and lambda. */
  private final double[] futurePointLot;

  private final double[] futureImpact;

  private final List<Underlying> underlyings = new ArrayList<>();
  private final long sampleNanos = Time.seconds(SAMPLE_SECONDS);
  private final long surfaceNanos = Time.seconds(SURFACE_SECONDS);
  private boolean active;

  /** The options market on one underlying. */
  private static final class Underlying {
    final Instrument instrument;
    final VolSurface surface;
    final List<DealerBook> books = new ArrayList<>();
    boolean sampled;
    double gammaStart;
    double flipStart = Double.NaN;
    double spotStart;
    int startSign;
    long crossed = -1;
    long contractsStart;
    long rolledOff;
    long customerPuts;
    long customerPutsSameDay;
    long customerCalls;
    double openingVega;
    double weightedVegaBought;
    long hedgeBought;
    long hedgeSold;
    double hedgeNotional;
    double vixStart;
    double vixMax;
    GammaProfile profileStart;
    long[] vixTimes = new long[64];
    double[] vixValues = new double[64];
    int vixCount;
    long lastSurfaceUpdate;
    boolean sessionOpen;
    double vixBeforeSample = Double.NaN;
    double futuresVegaBought;

    final RandomGenerator volNews;
    final double updateDayFraction;

    Underlying(
        Instrument instrument,
        VolSurface surface,
        RandomGenerator volNews,
        double updateDayFraction) {
      this.instrument = instrument;
      this.surface = surface;
      this.volNews = volNews;
      this.updateDayFraction = updateDayFraction;
    }
  }

  public OptionsMarket(Scheduler clock, RandomStreams streams, Exchange exchange, CauseLog causes) {
    this.clock = clock;
    this.streams = streams;
    this.exchange = exchange;
    this.causes = causes;
    this.byInstrument = new Underlying[exchange.instruments().size()];
    this.futureOf = new Underlying[exchange.instruments().size()];
    this.futurePointLot = new double[exchange.instruments().size()];
    this.futureImpact = new double[exchange.instruments().size()];
  }

  /**
   * Declares {@code future} a future on the VIX-style index of {@code underlying}: the market
   * makers who absorb end users' demand for it hedge the vega in the underlying's options and mark
   * the surface up for it, as customer put demand does (docs/model.md §10, "VIX-style futures"):
   * each lot bought by an aggressive order sent by a forced mechanism (a fund's reset, a
   * liquidation, a stop; {@link CauseKind#forced}) or a metaorder's execution adds {@code
   * demandImpact} x its dollar vega (dollars per index point x 100) to the pressure's numerator,
   * each lot sold takes it off. Market making, value trading and noise do not count. The pressure
   * is held at 0 or more.
   */
  public void registerVolFuture(Instrument future, Instrument underlying, double demandImpact) {
    futureOf[future.id()] = underlying(underlying);
    double dollarsPerPointLot =
        (double) future.cashPerTickLot()
            / Instrument.CASH_UNITS_PER_CURRENCY_UNIT
            / future.price(1);
    futurePointLot[future.id()] = dollarsPerPointLot;
    futureImpact[future.id()] = demandImpact;
  }

  /**
   * The VIX-style index of an underlying as last sampled, index points: the value futures on it
   * read. Before the first sample, the index of the surface as it starts.
   */
  public double latestVix(Instrument i) {
    Underlying u = underlying(i);
    if (u.vixCount > 0) {
      return u.vixValues[u.vixCount - 1];
    }
    if (Double.isNaN(u.vixBeforeSample)) {
      u.vixBeforeSample = vix.value(u.surface, spot(u), RATE, DIV);
    }
    return u.vixBeforeSample;
  }

  /** The shared implied-vol surface of an underlying, created on first use. */
  public VolSurface surface(Instrument i) {
    return underlying(i).surface;
  }

  /** Adds a dealer's book on an underlying; starts the market's sampling on the first call. */
  public void register(Instrument i, DealerBook book) {
    Underlying u = underlying(i);
    u.books.add(book);
    u.openingVega += book.grossVega(spot(u), clock.now(), u.surface);
    if (!active) {
      active = true;
      exchange.addListener(this);
      clock.at(clock.now(), Priority.SAMPLING, this, SAMPLE);
    }
  }

  /** Records contracts that expired out of a dealer's book. */
  public void recordRollOff(Instrument i, long contracts) {
    underlying(i).rolledOff += contracts;
  }

  /**
   * Records puts customers bought from a dealer: {@code contracts}, and their vega at the sale
   * (dollars per 1.00 of vol) times the dealer's demand impact (per unit of the opening books'
   * gross vega). The surface's demand pressure becomes the net of these over the run (calls
   * customers sold take off, {@link #recordCustomerCalls}) divided by the gross vega of every book
   * on the underlying when it registered (docs/model.md §10).
   *
   * @param sameDay whether they expire at the close of the day they were bought (0DTE)
   */
  public void recordCustomerPuts(
      Instrument i, long contracts, double impactWeightedVega, boolean sameDay) {
    Underlying u = underlying(i);
    u.customerPuts += contracts;
    if (sameDay) {
      u.customerPutsSameDay += contracts;
    }
    addCustomerVega(u, impactWeightedVega);
  }

  /**
   * Records calls customers sold to a dealer (call overwriting): {@code contracts}, and their vega
   * times the dealer's demand impact, which takes that much off the demand pressure's numerator
   * (the dealers are long the vega; the pressure stays at 0 or more).
   */
  public void recordCustomerCalls(Instrument i, long contracts, double impactWeightedVega) {
    Underlying u = underlying(i);
    u.customerCalls += contracts;
    addCustomerVega(u, -impactWeightedVega);
  }

  /** Adds customers' net vega bought (negative: sold) to the demand pressure's numerator. */
  private static void addCustomerVega(Underlying u, double impactWeightedVega) {
    if (impactWeightedVega != 0 && u.openingVega > 0) {
      u.weightedVegaBought += impactWeightedVega;
      applyPressure(u);
    }
  }

  private static void applyPressure(Underlying u) {
    if (u.openingVega > 0) {
      u.surface.setDemandPressure(
          Math.max(MIN_PRESSURE, (u.weightedVegaBought + u.futuresVegaBought) / u.openingVega));
    }
  }

  /** The dealers' net gamma exposure at price {@code s}, dollars per 1% move (sticky strike). */
  public double netGamma(Instrument i, double s) {
    Underlying u = underlying(i);
    return netGamma(u, s, spot(u));
  }

  /** The gamma flip nearest spot, dollars, or NaN when the dealers' GEX has one sign. */
  public double flip(Instrument i) {
    Underlying u = underlying(i);
    double spot = spot(u);
    return GammaFlip.nearest(s -> netGamma(u, s, spot), spot, GammaFlip.GRID_PCT, GammaFlip.STEPS);
  }

  /** The VIX-style index of an underlying's surface now, index points. */
  public double vix(Instrument i) {
    Underlying u = underlying(i);
    return vix.value(u.surface, spot(u), RATE, DIV);
  }

  /** One report per underlying with dealers, in order of first use; values "at the end" are now. */
  public List<DealerReport> reports() {
    List<DealerReport> out = new ArrayList<>();
    for (Underlying u : underlyings) {
      if (u.books.isEmpty()) {
        continue;
      }
      if (!u.sampled) {
        sampleStart(u);
      }
      double spot = spot(u);
      double vixNow = vix.value(u.surface, spot, RATE, DIV);
      out.add(
          new DealerReport(
              u.instrument.symbol(),
              u.books.size(),
              u.gammaStart,
              netGamma(u, spot, spot),
              u.flipStart,
              flip(u.instrument),
              u.spotStart,
              spot,
              u.crossed,
              u.hedgeBought + u.hedgeSold,
              u.hedgeNotional,
              u.hedgeBought,
              u.hedgeSold,
              u.contractsStart,
              grossContracts(u),
              u.rolledOff,
              u.customerPuts,
              u.customerPutsSameDay,
              u.customerCalls,
              u.vixStart,
              Math.max(u.vixMax, vixNow),
              vixNow));
    }
    return out;
  }

  @Override
  public void wake(long timeNanos, int tag) {
    for (Underlying u : underlyings) {
      if (u.books.isEmpty()) {
        continue;
      }
      if (!u.sampled) {
        sampleStart(u);
        continue;
      }
      double spot = spot(u);
      if (u.crossed < 0) {
        int sign = (int) Math.signum(netGamma(u, spot, spot));
        if (sign != 0 && sign != u.startSign) {
          u.crossed = timeNanos;
        }
      }
      int id = u.instrument.id();
      boolean open = exchange.session(id).isOpen(timeNanos);
      if (u.sessionOpen && !open) {
        // the session closed since the last sample: its last price anchors the next day's surface
        u.surface.closeSession(spot);
      }
      u.sessionOpen = open;
      if (timeNanos - u.lastSurfaceUpdate >= surfaceNanos && exchange.isOpen(id)) {
        u.surface.update(
            spot, exchange.realizedVol(id), Gaussian.next(u.volNews), u.updateDayFraction);
        u.lastSurfaceUpdate = timeNanos;
        double v = vix.value(u.surface, spot, RATE, DIV);
        u.vixMax = Math.max(u.vixMax, v);
        recordVix(u, timeNanos, v);
      }
    }
    clock.after(sampleNanos, Priority.SAMPLING, this, SAMPLE);
  }

  @Override
  public void onTrade(
      long time,
      Instrument instrument,
      long price,
      long qty,
      Side aggressor,
      int buyAccount,
      int sellAccount,
      int buyCause,
      int sellCause) {
    Underlying f = futureOf[instrument.id()];
    if (f != null) {
      CauseKind why = causes.kind(aggressor == Side.BUY ? buyCause : sellCause);
      if (!why.forced() && why != CauseKind.EXECUTION) {
        return; // market making, value trading and noise are not demand for volatility
      }
      double vega = qty * futurePointLot[instrument.id()] * 100 * futureImpact[instrument.id()];
      f.futuresVegaBought += aggressor == Side.BUY ? vega : -vega;
      applyPressure(f);
      return;
    }
    Underlying u = byInstrument[instrument.id()];
    if (u == null) {
      return;
    }
    boolean hedgeBuy = causes.kind(buyCause) == CauseKind.HEDGE;
    boolean hedgeSell = causes.kind(sellCause) == CauseKind.HEDGE;
    if (hedgeBuy || hedgeSell) {
      double notional = instrument.notional(price, qty);
      // A hedge crossing another hedge is one trade: count it once, on the aggressor's side.
      if (hedgeBuy && (!hedgeSell || aggressor == Side.BUY)) {
        u.hedgeBought += qty;
      } else {
        u.hedgeSold += qty;
      }
      u.hedgeNotional += notional;
    }
  }

  private void sampleStart(Underlying u) {
    double spot = spot(u);
    u.sampled = true;
    u.spotStart = spot;
    u.gammaStart = netGamma(u, spot, spot);
    u.startSign = (int) Math.signum(u.gammaStart);
    u.flipStart = flip(u.instrument);
    u.contractsStart = grossContracts(u);
    u.vixStart = vix.value(u.surface, spot, RATE, DIV);
    u.vixMax = u.vixStart;
    u.lastSurfaceUpdate = clock.now();
    u.profileStart = profile(u);
    recordVix(u, clock.now(), u.vixStart);
  }

  /**
   * The dealers' GEX profile of each underlying with dealers, in order of first use: at the first
   * sample ({@code atStart}) or now. Reading it changes nothing in the run.
   */
  public List<GammaProfile> profiles(boolean atStart) {
    List<GammaProfile> out = new ArrayList<>();
    for (Underlying u : underlyings) {
      if (u.books.isEmpty()) {
        continue;
      }
      if (!u.sampled) {
        sampleStart(u);
      }
      out.add(atStart ? u.profileStart : profile(u));
    }
    return out;
  }

  /**
   * Every sample of the VIX-style index, underlying by underlying (in order of first use), each in
   * time order: the first sample and one after each surface update.
   */
  public List<VixSample> vixSamples() {
    List<VixSample> out = new ArrayList<>();
    for (Underlying u : underlyings) {
      for (int k = 0; k < u.vixCount; k++) {
        out.add(new VixSample(u.instrument.symbol(), u.vixTimes[k], u.vixValues[k]));
      }
    }
    return out;
  }

  private GammaProfile profile(Underlying u) {
    double spot = spot(u);
    int n = GammaFlip.STEPS;
    double lo = spot * (1 - GammaFlip.GRID_PCT / 100);
    double hi = spot * (1 + GammaFlip.GRID_PCT / 100);
    double[] prices = new double[n];
    double[] gex = new double[n];
    for (int k = 0; k < n; k++) {
      prices[k] = lo + (hi - lo) * k / (n - 1);
      gex[k] = netGamma(u, prices[k], spot);
    }
    return new GammaProfile(u.instrument.symbol(), clock.now(), spot, prices, gex);
  }

  /** Keeps one index sample; every 5 simulated minutes at most, so growth is rare. */
  private static void recordVix(Underlying u, long time, double value) {
    if (u.vixCount == u.vixTimes.length) {
      u.vixTimes = java.util.Arrays.copyOf(u.vixTimes, 2 * u.vixCount);
      u.vixValues = java.util.Arrays.copyOf(u.vixValues, 2 * u.vixCount);
    }
    u.vixTimes[u.vixCount] = time;
    u.vixValues[u.vixCount++] = value;
  }

  private Underlying underlying(Instrument i) {
    Underlying u = byInstrument[i.id()];
    if (u == null) {
      VolSurfaceParams base = VolSurfaceParams.defaults();
      double prior = exchange.realizedVol(i.id());
      double tradingDaySeconds = i.session().tradingSecondsPerYear() / 252;
      double alpha =
          1 - StrictMath.pow(RISKMETRICS_DAILY_LAMBDA, SURFACE_SECONDS / tradingDaySeconds);
      // At least the floor every vol of the surface is clamped to: an instrument declared with no
      // volatility (fundamentalVolPct 0) would otherwise start a surface at 0, which is no surface.
      double atm = Math.max(base.minVol(), base.impliedOverRealized() * prior);
      VolSurfaceParams p =
          new VolSurfaceParams(
              atm,
              atm,
              base.termSpeed(),
              base.skew(),
              base.curvature(),
              base.minVol(),
              base.maxVol(),
              alpha,
              base.impliedOverRealized(),
              base.spotVol(),
              base.skewBeta(),
              base.minSkew(),
              base.maxSkew());
      u =
          new Underlying(
              i,
              new VolSurface(p, i.price(exchange.lastPrice(i.id()))),
              streams.stream("vol:" + i.symbol()),
              SURFACE_SECONDS / tradingDaySeconds);
      byInstrument[i.id()] = u;
      underlyings.add(u);
    }
    return u;
  }

  private double spot(Underlying u) {
    return u.instrument.price(exchange.lastPrice(u.instrument.id()));
  }

  private double netGamma(Underlying u, double s, double volSpot) {
    long now = clock.now();
    double g = 0;
    for (DealerBook b : u.books) {
      g += b.gammaPerOnePercent(s, now, u.surface, volSpot);
    }
    return g;
  }

  private static long grossContracts(Underlying u) {
    long n = 0;
    for (DealerBook b : u.books) {
      n += b.grossContracts();
    }
    return n;
  }
}
