package dev.cascade.scenario;

import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.Distribution;
import dev.cascade.agents.EtfBasket;
import dev.cascade.agents.Fundamentals;
import dev.cascade.agents.LeverageClock;
import dev.cascade.agents.ParamSpec;
import dev.cascade.agents.World;
import dev.cascade.agents.execution.TwapExecution;
import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.derivatives.Funding;
import dev.cascade.derivatives.InsuranceFund;
import dev.cascade.derivatives.MarkPrice;
import dev.cascade.kernel.Priority;
import dev.cascade.kernel.RandomStreams;
import dev.cascade.kernel.Scheduler;
import dev.cascade.kernel.Time;
import dev.cascade.ledger.AccountKind;
import dev.cascade.ledger.Ledger;
import dev.cascade.margin.CcpMargin;
import dev.cascade.margin.CrossAssetPolicy;
import dev.cascade.margin.MarginDesks;
import dev.cascade.margin.MarginPolicy;
import dev.cascade.margin.MarginTerms;
import dev.cascade.margin.PrimeBroker;
import dev.cascade.margin.RegT;
import dev.cascade.margin.StressMargin;
import dev.cascade.margin.TieredMargin;
import dev.cascade.margin.VenueRates;
import dev.cascade.market.AssetClass;
import dev.cascade.market.Exchange;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketRules;
import dev.cascade.market.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Turns a {@link ScenarioSpec} into a runnable {@link Simulation}. */
public final class Simulations {
  private Simulations() {}

  /**
   * Resolves a scenario.
   *
   * @param seed the seed of every random stream
   * @param without mechanisms ({@link Mechanisms}), agent families, group names or shock types to
   *     leave out; every other agent keeps the same random stream, so a run without a family
   *     differs only by that family's absence
   */
  public static Simulation resolve(
      ScenarioSpec spec, long seed, Set<String> without, AgentRegistry registry) {
    Set<String> off = Mechanisms.expand(without);
    long start = Time.ofInstant(spec.start().toInstant());
    long end = Time.ofInstant(spec.end().toInstant());
    Scheduler clock = new Scheduler(start);
    RandomStreams streams = new RandomStreams(seed);
    CauseLog causes = new CauseLog();

    List<Instrument> instruments = new ArrayList<>();
    double[] vols = new double[spec.instruments().size()];
    for (InstrumentSpec is : spec.instruments()) {
      int id = instruments.size();
      long ticks = is.price().divide(is.tick()).longValueExact();
      instruments.add(
          new Instrument(
              id,
              is.symbol(),
              is.assetClass(),
              is.tick(),
              is.lot(),
              is.multiplier(),
              is.currency(),
              is.session(),
              ticks));
      vols[id] = is.fundamentalVolPct() / 100;
    }
    MarketRulesSpec r = spec.rules();
    int haltRef = -1;
    if (r.haltReference() != null) {
      haltRef = indexOf(instruments, r.haltReference());
    }
    MarketRules rules =
        new MarketRules(
            haltRef,
            r.haltLevelsPct(),
            r.haltMinutes(),
            r.haltCutoff(),
            r.bandPct(),
            r.bandWindowSeconds() * Time.NANOS_PER_SECOND,
            r.bandPauseSeconds() * Time.NANOS_PER_SECOND,
            r.marketOrderCollarPct());

    MarkPrice[] marksRef = new MarkPrice[1];
    Ledger ledger =
        new Ledger(instruments, r.takerFeeBps(), r.makerFeeBps(), i -> marksRef[0].markTicks(i));
    Exchange exchange = new Exchange(clock, causes, instruments, rules, ledger, vols);
    double[] dailyLimit = new double[instruments.size()];
    for (InstrumentSpec is : spec.instruments()) {
      dailyLimit[indexOf(instruments, is.symbol())] = is.dailyLimitPct();
    }
    exchange.dailyLimits(dailyLimit);
    int[] indexOf = new int[instruments.size()];
    double[] fundingHours = new double[instruments.size()];
    double[] fundingCap = new double[instruments.size()];
    for (InstrumentSpec is : spec.instruments()) {
      int id = indexOf(instruments, is.symbol());
      PerpetualSpec p = is.perpetual();
      indexOf[id] = p.index() == null ? -1 : indexOf(instruments, p.index());
      fundingHours[id] = p.fundingHours();
      fundingCap[id] = p.fundingCapPct() / 100;
    }
    MarkPrice marks = new MarkPrice(clock, exchange, indexOf);
    marksRef[0] = marks;
    Fundamentals fundamentals = new Fundamentals(instruments, vols, streams, start);
    for (FactorSpec f : spec.factors()) {
      if (!f.walk() || f.loadings().isEmpty()) {
        continue;
      }
      int[] ids = new int[f.loadings().size()];
      double[] betas = new double[ids.length];
      int j = 0;
      for (Map.Entry<String, Double> l : new java.util.TreeMap<>(f.loadings()).entrySet()) {
        ids[j] = indexOf(instruments, l.getKey());
        betas[j++] = l.getValue();
      }
      fundamentals.addWalkFactor(
          streams.stream("factor:" + f.name()).nextLong(), ids, betas, f.volPct() / 100);
    }
    World world = new World(clock, streams, causes, exchange, ledger, fundamentals);
    for (InstrumentSpec is : spec.instruments()) {
      int id = indexOf(instruments, is.symbol());
      if (indexOf[id] >= 0) {
        // a perpetual's value follows its index's (arbitrage ties them; the premium is the book's)
        fundamentals.track(
            id,
            indexOf[id],
            (double) instruments.get(id).referencePriceTicks()
                / instruments.get(indexOf[id]).referencePriceTicks());
      }
      fundamentals.setRateSensitivity(id, is.rates().duration(), is.rates().convexity());
      if (is.basket() != null) {
        List<Instrument> members = new ArrayList<>();
        double[] weights = new double[is.basket().weights().size()];
        for (Map.Entry<String, Double> e : is.basket().weights().entrySet()) {
          weights[members.size()] = e.getValue();
          members.add(instruments.get(indexOf(instruments, e.getKey())));
        }
        world.defineBasket(
            new EtfBasket(instruments.get(id), members, weights, is.basket().creationUnit()));
        int[] memberIds = new int[members.size()];
        double sum = 0;
        for (int m = 0; m < memberIds.length; m++) {
          memberIds[m] = members.get(m).id();
          sum += weights[m];
        }
        double[] shares = new double[weights.length];
        for (int m = 0; m < shares.length; m++) {
          shares[m] = weights[m] / sum;
        }
        fundamentals.trackBasket(id, memberIds, shares);
      }
    }
    for (InstrumentSpec is : spec.instruments()) {
      VolFutureSpec vf = is.volFuture();
      if (vf.present()) {
        trackVolFuture(world, instruments, indexOf(instruments, is.symbol()), vf, start);
      }
    }
    List<Integer> readsPrice = new ArrayList<>();
    for (InstrumentSpec is : spec.instruments()) {
      int id = indexOf(instruments, is.symbol());
      if (!off.contains(WithoutNames.LEVERAGE_EFFECT)) {
        fundamentals.setLeverageEffect(id, is.leverageEffect());
      }
      if (fundamentals.readsPrice(id)) {
        readsPrice.add(id);
      }
    }
    LeverageClock leverageClock =
        new LeverageClock(
            clock,
            exchange,
            fundamentals,
            readsPrice.stream().mapToInt(Integer::intValue).sorted().toArray());
    Margin margin = new Margin(world, vols);

    for (AgentGroupSpec g : spec.agents()) {
      if (off.contains(g.family()) || off.contains(g.name())) {
        continue;
      }
      AgentFamily family = registry.get(g.family());
      List<Instrument> mine = new ArrayList<>();
      for (String sym : g.instruments()) {
        mine.add(instruments.get(indexOf(instruments, sym)));
      }
      for (int k = 0; k < g.count(); k++) {
        String agentId = g.name() + "-" + k;
        // Parameter draws come from their own stream so they do not shift the agent's.
        RandomGenerator draws = streams.stream("params:" + agentId);
        Map<String, Double> params = new LinkedHashMap<>();
        for (ParamSpec p : family.params()) {
          Distribution d = g.params().getOrDefault(p.name(), p.defaultValue());
          params.put(p.name(), p.clamp(d.sample(draws)));
        }
        int account = ledger.openAccount(agentId, family.accountKind(), family.leverage());
        if (family.accountKind() == AccountKind.MARGIN && Margin.optsIn(family)) {
          margin.cover(account, params);
        }
        ledger.transferCash(Ledger.EXTERNAL, account, micro(g.cash()));
        for (Map.Entry<String, Long> h : g.holdings().entrySet()) {
          ledger.transferUnits(
              Ledger.EXTERNAL, account, indexOf(instruments, h.getKey()), h.getValue());
        }
        world.add(
            agentId, family.factory().apply(new AgentSetup(agentId, mine, params)), account, mine);
      }
    }

    for (int i = 0; i < indexOf.length; i++) {
      if (indexOf[i] >= 0) {
        for (PrimeBroker b : world.brokers()) {
          b.markFollows(i, indexOf[i]);
        }
      }
    }
    margin.start();
    marks.start();
    leverageClock.start();
    Funding funding =
        new Funding(
            clock,
            ledger,
            marks,
            instruments,
            fundingHours,
            fundingCap,
            world.brokers(),
            margin.venue);
    funding.start();
    // Metaorders' execution agents come after every other account and agent, so adding one
    // leaves the others' account ids, agent indices and random streams as they were.
    Map<ShockSpec, TwapExecution> executions = new IdentityHashMap<>();
    List<TwapExecution> metaorders = new ArrayList<>();
    for (int k = 0; k < spec.shocks().size(); k++) {
      ShockSpec s = spec.shocks().get(k);
      if (s.type() == ShockType.METAORDER && !off.contains(s.type().configName())) {
        TwapExecution x = metaorder(world, instruments, spec, s, METAORDER_GROUP + "-" + k);
        executions.put(s, x);
        metaorders.add(x);
      }
    }
    for (ShockSpec s : spec.shocks()) {
      if (!off.contains(s.type().configName())) {
        scheduleShock(world, instruments, spec, s, margin.rates, executions.get(s));
      }
    }
    Simulation sim = new Simulation(spec, seed, without, world, start, end);
    sim.setMetaorders(metaorders);
    sim.setInsuranceFund(margin.insuranceFund);
    sim.setPerpetuals(marks, funding);
    return sim;
  }

  /**
   * Makes an instrument a future on its underlying's VIX-style index: its value follows the index's
   * expected level at expiry (docs/model.md §10, "VIX-style futures") and the flow in it marks the
   * underlying's surface.
   */
  private static void trackVolFuture(
      World world, List<Instrument> instruments, int id, VolFutureSpec vf, long start) {
    Instrument future = instruments.get(id);
    Instrument underlying = instruments.get(indexOf(instruments, vf.underlying()));
    var options = world.options();
    options.registerVolFuture(future, underlying, vf.demandImpact());
    world
        .fundamentals()
        .trackVolIndex(
            id,
            () -> options.latestVix(underlying),
            underlying.id(),
            Time.ofInstant(vf.expiry().toInstant()),
            vf.kappa(),
            vf.theta(),
            future.referencePriceTicks(),
            start);
  }

  /**
   * The margin desks of a simulation: a prime broker for leveraged funds and a crypto venue's
   * clearing for perpetual traders, sharing the CCP's margin rates and the venue multipliers. A
   * margin family's drawn parameters choose its agreement: {@code venueMargin} = 1 puts the account
   * with the crypto venue, {@code portfolioMargin} = 1 margins its equities by FINRA stress margin
   * instead of Reg-T (see docs/model.md §11).
   */
  /** The account group of the execution agents the engine opens for {@code metaorder} shocks. */
  public static final String METAORDER_GROUP = "metaorder";

  /** The perpetual venue's insurance fund's account. */
  static final String INSURANCE_FUND = "insurance-fund";

  /**
   * Group names the engine gives accounts of its own (the ledger's external world and venue, the
   * insurance fund, metaorders' execution accounts): a scenario group may not take one, or its
   * accounts would be reported together with the engine's.
   */
  public static final Set<String> ENGINE_GROUPS =
      Set.of(Ledger.EXTERNAL_NAME, Ledger.VENUE_NAME, INSURANCE_FUND, METAORDER_GROUP);

  /** The perpetual venue's insurance fund at the start: 10 million dollars (assumed). */
  static final long INSURANCE_FUND_MICRO = 10_000_000L * Instrument.CASH_UNITS_PER_CURRENCY_UNIT;

  private static final class Margin {

    final VenueRates rates;
    final CcpMargin ccp;
    final PrimeBroker broker;
    final PrimeBroker venue;
    final World world;
    final InsuranceFund insuranceFund;

    Margin(World world, double[] vols) {
      this.world = world;
      int n = world.exchange().instruments().size();
      rates = new VenueRates(n);
      ccp = CcpMargin.standard(vols);
      broker =
          new PrimeBroker(
              "prime-broker",
              world.clock(),
              world.causes(),
              world.exchange(),
              world.ledger(),
              MarginTerms.broker(),
              ccp);
      venue =
          new PrimeBroker(
              "crypto-venue",
              world.clock(),
              world.causes(),
              world.exchange(),
              world.ledger(),
              MarginTerms.venue(),
              ccp);
      world.addBroker(broker);
      world.addBroker(venue);
      world.exchange().addListener(broker);
      world.exchange().addListener(venue);
      world.ledger().setMarginCheck(new MarginDesks(List.of(broker, venue)));
      boolean perps = false;
      for (Instrument i : world.exchange().instruments()) {
        perps |= i.assetClass() == AssetClass.CRYPTO_PERP;
      }
      if (perps) {
        Ledger ledger = world.ledger();
        int account = ledger.openAccount(INSURANCE_FUND, AccountKind.VENUE, 0);
        ledger.transferCash(Ledger.EXTERNAL, account, INSURANCE_FUND_MICRO);
        insuranceFund = new InsuranceFund(ledger, world.causes(), world.clock(), venue, account, 0);
        venue.setBackstop(insuranceFund);
      } else {
        insuranceFund = null;
      }
    }

    /**
     * Families opt in to a margin agreement by declaring {@code portfolioMargin} or {@code
     * venueMargin}; other margin accounts (market makers) keep the ledger's intraday gross-leverage
     * limit.
     */
    static boolean optsIn(AgentFamily family) {
      return family.param("portfolioMargin") != null || family.param("venueMargin") != null;
    }

    void cover(int account, Map<String, Double> params) {
      boolean portfolio = params.getOrDefault("portfolioMargin", 0.0) > 0.5;
      MarginPolicy equities = portfolio ? StressMargin.FINRA : RegT.STANDARD;
      MarginPolicy policy =
          new CrossAssetPolicy(equities, ccp, TieredMargin.binanceBtc(), RegT.STANDARD, rates);
      if (params.getOrDefault("venueMargin", 0.0) > 0.5) {
        venue.cover(account, policy);
      } else {
        broker.cover(account, policy);
      }
    }

    void start() {
      broker.start();
      venue.start();
    }
  }

  /**
   * Opens a metaorder's account, funds it from the external world with a balanced endowment (the
   * lots to sell, or {@link Metaorders#BUY_CASH_COVER} times a buy's notional in cash) and adds its
   * TWAP execution agent.
   */
  private static TwapExecution metaorder(
      World world, List<Instrument> instruments, ScenarioSpec spec, ShockSpec s, String agentId) {
    InstrumentSpec is = spec.instrument(s.target());
    Instrument ins = instruments.get(indexOf(instruments, s.target()));
    long lots = Metaorders.lots(s, is);
    Side side = Metaorders.side(s);
    Ledger ledger = world.ledger();
    int account = ledger.openAccount(agentId, AccountKind.CASH, 1);
    if (side == Side.SELL) {
      ledger.transferUnits(Ledger.EXTERNAL, account, ins.id(), lots);
    } else {
      ledger.transferCash(Ledger.EXTERNAL, account, Metaorders.buyCashMicro(lots, is));
    }
    long at = Time.ofInstant(s.at().toInstant());
    long duration = Math.max(1, Math.round(s.param(Metaorders.MINUTES) * Time.NANOS_PER_MINUTE));
    TwapExecution x = new TwapExecution(ins, side, lots, at, duration, s.label());
    world.add(agentId, x, account, List.of(ins));
    return x;
  }

  private static void scheduleShock(
      World world,
      List<Instrument> instruments,
      ScenarioSpec spec,
      ShockSpec s,
      VenueRates rates,
      TwapExecution execution) {
    long at = Time.ofInstant(s.at().toInstant());
    int target = s.target() == null ? -1 : indexOf(instruments, s.target());
    double own =
        switch (s.type()) {
          case FUNDAMENTAL -> s.param("pct");
          case EARNINGS -> Earnings.pct(s);
          default -> 0;
        };
    // The news's move of every other instrument through the factors it names, by instrument id.
    Map<String, Double> spill = Spillover.moves(spec, s, own);
    int[] spillIds = new int[spill.size()];
    double[] spillPct = new double[spill.size()];
    int n = 0;
    for (Map.Entry<String, Double> e : spill.entrySet()) {
      spillIds[n] = indexOf(instruments, e.getKey());
      spillPct[n++] = e.getValue();
    }
    world
        .clock()
        .at(
            at,
            Priority.SHOCK,
            (time, tag) -> {
              int cause =
                  world.causes().record(CauseKind.SHOCK, -1, CauseLog.GENESIS, time, s.label());
              world.noteShock(cause, time);
              switch (s.type()) {
                case FUNDAMENTAL:
                case EARNINGS:
                  world.fundamentals().jump(target, time, own, cause);
                  for (int k = 0; k < spillIds.length; k++) {
                    world.fundamentals().jump(spillIds[k], time, spillPct[k], cause);
                  }
                  break;
                case INFLATION:
                  shiftRates(world, instruments, target, time, Inflation.bp(s) / 10_000, cause);
                  break;
                case LIQUIDITY:
                  long until = time + Math.round(s.param("minutes") * Time.NANOS_PER_MINUTE);
                  for (Instrument i : instruments) {
                    if (target < 0 || i.id() == target) {
                      world.stressLiquidity(
                          i.id(), s.param("spreadMultiplier"), s.param("depthMultiplier"), until);
                    }
                  }
                  break;
                case YIELD:
                  shiftRates(world, instruments, target, time, s.param("bp") / 10_000, cause);
                  break;
                case POLICY:
                  // The expected policy-rate change, passed through one for one (assumed).
                  double bp = -s.param("probabilityChangePct") / 100 * s.param("cutBp");
                  shiftRates(world, instruments, target, time, bp / 10_000, cause);
                  break;
                case FLOW:
                  world.addFlow(target, s.param("dollars"), time, s.param("minutes"), cause);
                  break;
                case METAORDER:
                  execution.begin(cause);
                  break;
                case MARGIN_RATE:
                  rates.scale(target, s.param("multiplier"));
                  for (PrimeBroker b : world.brokers()) {
                    b.requestCheck(cause);
                  }
                  break;
                default:
                  throw new AssertionError(s.type());
              }
            },
            0);
  }

  /** Shifts the discount rate of the target, or of every rate-sensitive instrument. */
  private static void shiftRates(
      World world, List<Instrument> instruments, int target, long time, double dr, int cause) {
    for (Instrument i : instruments) {
      if (target < 0 ? world.fundamentals().duration(i.id()) > 0 : i.id() == target) {
        world.fundamentals().shiftRate(i.id(), time, dr, cause);
      }
    }
  }

  private static long micro(BigDecimal currencyUnits) {
    return currencyUnits
        .multiply(BigDecimal.valueOf(Instrument.CASH_UNITS_PER_CURRENCY_UNIT))
        .setScale(0, java.math.RoundingMode.HALF_EVEN)
        .longValueExact();
  }

  private static int indexOf(List<Instrument> instruments, String symbol) {
    for (Instrument i : instruments) {
      if (i.symbol().equals(symbol)) {
        return i.id();
      }
    }
    throw new IllegalArgumentException("unknown instrument " + symbol);
  }
}
