package dev.cascade.scenario;

import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.Distribution;
import dev.cascade.agents.LeverageEffect;
import dev.cascade.agents.ParamSpec;
import dev.cascade.kernel.SessionKind;
import dev.cascade.market.AssetClass;
import dev.cascade.market.EngineLimits;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a located YAML tree into a {@link ScenarioSpec}, reporting every problem to {@link
 * ScenarioErrors} and carrying on, so one pass finds all of them. Returns a spec only when there
 * are none. The bounds here are the ones documented in docs/scenario-format.md.
 */
final class ScenarioReader {
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{0,15}");
  static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  static final Pattern CLOCK = Pattern.compile("([01]?[0-9]|2[0-3]):([0-5][0-9])");
  private static final String NAME_RULE =
      "1 to 64 lowercase letters, digits and '-', starting with a letter or digit";

  static final List<String> TOP_KEYS =
      List.of(
          "name",
          "description",
          "seed",
          "start",
          "end",
          "rules",
          "instruments",
          "agents",
          "factors",
          "shocks",
          "episode");
  static final List<String> LEVERAGE_EFFECT_KEYS = List.of("amplitude", "days", "saturation");
  static final List<String> FACTOR_KEYS = List.of("volPct", "loadings", "walk");
  static final List<String> EPISODE_KEYS =
      List.of("source", "from", "observed", "index", "sectors", "levels");
  static final List<String> OBSERVED_KEYS = List.of("price", "changePct", "relativeVolume");
  static final List<String> LEVEL_KEYS =
      List.of("ma100", "ma200", "fibHigh", "fibLow", "roundStep");
  static final List<String> RULE_KEYS =
      List.of(
          "haltReference",
          "haltLevelsPct",
          "haltMinutes",
          "haltCutoff",
          "bandPct",
          "bandWindowSeconds",
          "bandPauseSeconds",
          "takerFeeBps",
          "makerFeeBps",
          "marketOrderCollarPct");
  static final List<String> INSTRUMENT_KEYS =
      List.of(
          "symbol",
          "class",
          "price",
          "tick",
          "lot",
          "multiplier",
          "currency",
          "session",
          "fundamentalVolPct",
          "baselineDailyVolume",
          RealScale.REAL_DAILY_VOLUME,
          "duration",
          "convexity",
          "yieldPct",
          "basket",
          "creationUnit",
          "index",
          "fundingHours",
          "fundingCapPct",
          "dailyLimitPct",
          "vixOf",
          "expiry",
          "meanReversion",
          "longRunMean",
          "vegaDemandImpact",
          "leverageEffect");

  /** The keys of a future on a VIX-style index (docs/model.md §10). */
  static final List<String> VOL_FUTURE_KEYS =
      List.of("vixOf", "expiry", "meanReversion", "longRunMean", "vegaDemandImpact");

  static final List<String> AGENT_KEYS =
      List.of("family", "name", "count", "instruments", "cash", "holdings", "params");
  static final List<String> SHOCK_KEYS = List.of("type", "at", "target", "label");

  static final int MAX_SCENARIO_DAYS = 31;
  static final int MAX_GROUP_COUNT = 100_000;
  static final int MAX_TOTAL_AGENTS = 1_000_000;
  static final long MAX_PRICE_TICKS = 50_000_000L;
  static final int MAX_SHOCK_MINUTES = MAX_SCENARIO_DAYS * 24 * 60;

  /** The longest {@code description}, in characters: a few pages of notes. */
  static final int MAX_DESCRIPTION_CHARS = 20_000;

  /** The longest other string value (a label, a source, a family), in characters: one line. */
  static final int MAX_TEXT_CHARS = 500;

  private static final BigDecimal BILLION = new BigDecimal("1e9");

  /** One agent's cash, currency units: at most the whole scenario's endowment. */
  static final BigDecimal MAX_CASH =
      BigDecimal.valueOf(EngineLimits.MAX_ENDOWMENT_MICRO).movePointLeft(6).stripTrailingZeros();

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final AgentRegistry registry;
  private final ScenarioErrors errors;

  /** Every syntactically valid symbol declared, valid instrument or not: no cascading errors. */
  private final Map<String, YamlNode> symbols = new LinkedHashMap<>();

  // The instruments as read, by symbol, for checks of agent groups against them.
  private final Map<String, InstrumentSpec> specs = new HashMap<>();

  /** Basket constituents to check once every instrument is declared. */
  private final List<YamlNode.Entry> basketRefs = new ArrayList<>();

  private final List<String> basketOwners = new ArrayList<>();

  /** Perpetuals' index references (node, path, owner) to check once every instrument is read. */
  private final List<YamlNode> indexRefs = new ArrayList<>();

  private final List<String> indexPaths = new ArrayList<>();
  private final List<String> indexOwners = new ArrayList<>();
  private final List<String> indexTargets = new ArrayList<>();
  private final List<YamlNode> volFutureRefs = new ArrayList<>();
  private final List<String> volFuturePaths = new ArrayList<>();
  private final List<String> volFutureOwners = new ArrayList<>();
  private final List<YamlNode> volFutureExpiries = new ArrayList<>();

  /** Real daily dollar volumes stated on instruments, by symbol, with where each was written. */
  private final Map<String, Double> realVolumes = new LinkedHashMap<>();

  private final Map<String, YamlNode> realVolumeNodes = new HashMap<>();

  /** Where each instrument's basket was written, by symbol, and its path. */
  private final Map<String, YamlNode> basketNodes = new HashMap<>();

  private final Map<String, String> basketPaths = new HashMap<>();

  /** Per symbol: where an instrument's leverageEffect was written, and its path. */
  private final Map<String, YamlNode> leverageNodes = new HashMap<>();

  private final Map<String, String> leveragePaths = new HashMap<>();

  private final Map<String, String> realVolumePaths = new HashMap<>();

  /** The market's real scale, fixed once the instruments are read. */
  private RealScale scale = RealScale.NONE;

  ScenarioReader(AgentRegistry registry, ScenarioErrors errors) {
    this.registry = registry;
    this.errors = errors;
  }

  /** Where each shock's target was written, by shock index (null when it has none). */
  private final List<YamlNode> shockTargets = new ArrayList<>();

  /** Where each agent group was written, by group index. */
  private final List<YamlNode> agentNodes = new ArrayList<>();

  /**
   * A flow larger than this share of its target's daily dollar volume is flagged: it is more than
   * the market trades in a day (assumed threshold).
   */
  static final double FLOW_WARNING_SHARE_OF_DAY = 1.0;

  /**
   * Set-ups of a valid spec that run but are probably not what the author meant, located at the key
   * that causes them: a shock on an instrument no agent group trades (its value moves, but no one
   * trades on it, so its price does not), and a {@code flow} or {@code metaorder} larger than its
   * target's {@code baselineDailyVolume} in a day.
   */
  List<ScenarioError> warnings(String fileName, ScenarioSpec spec) {
    List<ScenarioError> out = new ArrayList<>();
    oneSidedPerpetuals(fileName, spec, out);
    unevenScale(fileName, spec.scale(), out);
    fundsLargerThanTheirMarket(fileName, spec, out);
    basketsOffTheirStatedVolatility(fileName, spec, out);
    ignoredLeverageEffects(fileName, spec, out);
    java.util.Set<String> traded = new java.util.HashSet<>();
    for (AgentGroupSpec g : spec.agents()) {
      traded.addAll(g.instruments());
    }
    for (int i = 0; i < spec.shocks().size() && i < shockTargets.size(); i++) {
      ShockSpec s = spec.shocks().get(i);
      YamlNode where = shockTargets.get(i);
      if (s.target() == null || where == null || !specs.containsKey(s.target())) {
        continue;
      }
      String path = "shocks[" + i + "].target";
      if (!traded.contains(s.target())) {
        out.add(
            warning(
                fileName,
                where,
                path,
                "no agent group trades "
                    + s.target()
                    + ": the "
                    + s.type().configName()
                    + " shock has no one to act on it"));
      }
      InstrumentSpec ins = specs.get(s.target());
      if (s.type() == ShockType.FLOW && ins.baselineDailyVolume() > 0) {
        double dayDollars =
            ins.baselineDailyVolume()
                * ins.price().doubleValue()
                * ins.lot().doubleValue()
                * ins.multiplier().doubleValue();
        double share = Math.abs(s.param("dollars")) / dayDollars;
        if (share > FLOW_WARNING_SHARE_OF_DAY) {
          out.add(
              warning(
                  fileName,
                  where,
                  path,
                  String.format(
                      java.util.Locale.ROOT,
                      "the flow is %.0f%% of %s's daily dollar volume (baselineDailyVolume x price):"
                          + " more than its market trades in a day",
                      100 * share,
                      s.target())));
        }
      }
      if (s.type() == ShockType.METAORDER
          && s.params().containsKey(Metaorders.PCT_OF_DAILY_VOLUME)
          && s.param(Metaorders.PCT_OF_DAILY_VOLUME) > 100 * FLOW_WARNING_SHARE_OF_DAY) {
        out.add(
            warning(
                fileName,
                where,
                path,
                "the metaorder is more than "
                    + s.target()
                    + "'s daily volume: more than its market trades in a day"));
      }
    }
    return out;
  }

  /**
   * A basket's volatility more than this factor above or below the fund's own {@code
   * fundamentalVolPct} is flagged (assumed threshold).
   */
  static final double BASKET_VOL_WARNING_RATIO = 1.25;

  /**
   * An ETF whose basket, at its members' {@code fundamentalVolPct} and the factors that drive their
   * walks, has a volatility more than {@link #BASKET_VOL_WARNING_RATIO} times off the fund's own
   * {@code fundamentalVolPct}: the fund's value is its basket's NAV, so its price realises the
   * basket's volatility, not the figure stated on it (members walking independently diversify it
   * away).
   */
  private void basketsOffTheirStatedVolatility(
      String fileName, ScenarioSpec spec, List<ScenarioError> out) {
    for (InstrumentSpec ins : spec.instruments()) {
      YamlNode where = basketNodes.get(ins.symbol());
      if (ins.basket() == null || where == null || !(ins.fundamentalVolPct() > 0)) {
        continue;
      }
      List<String> members = new ArrayList<>(ins.basket().weights().keySet());
      double variance = 0;
      for (String a : members) {
        InstrumentSpec ia = specs.get(a);
        if (ia == null) {
          return;
        }
        for (String b : members) {
          double cov;
          if (a.equals(b)) {
            cov = ia.fundamentalVolPct() * ia.fundamentalVolPct();
          } else {
            cov = 0;
            for (FactorSpec f : spec.factors()) {
              if (f.walk()) {
                cov += f.loading(a) * f.loading(b) * f.volPct() * f.volPct();
              }
            }
          }
          variance += ins.basket().weights().get(a) * ins.basket().weights().get(b) * cov;
        }
      }
      double implied = Math.sqrt(variance);
      double ratio = implied / ins.fundamentalVolPct();
      if (ratio < 1 / BASKET_VOL_WARNING_RATIO || ratio > BASKET_VOL_WARNING_RATIO) {
        out.add(
            warning(
                fileName,
                where,
                basketPaths.get(ins.symbol()),
                String.format(
                    java.util.Locale.ROOT,
                    "%s's basket has a volatility of about %.1f%% a year (its members'"
                        + " fundamentalVolPct and the factors that drive their walks), against"
                        + " its fundamentalVolPct %s%%: its value is the basket's, so its price"
                        + " realises about %.1f%%; a factor with walk: true loading the members"
                        + " correlates them",
                    ins.symbol(),
                    implied,
                    fmt(ins.fundamentalVolPct()),
                    implied)));
      }
    }
  }

  /**
   * An instrument whose own ratio of real to simulated volume is more than {@link
   * #SCALE_WARNING_RATIO} times off the market's: the miniature is not one scale, and real-dollar
   * figures for it are off by that ratio.
   */
  private void unevenScale(String fileName, RealScale scale, List<ScenarioError> out) {
    for (RealScale.Basis b : scale.basis()) {
      double ratio = b.factor() / scale.factor();
      YamlNode where = realVolumeNodes.get(b.symbol());
      if (where != null && (ratio > SCALE_WARNING_RATIO || ratio < 1 / SCALE_WARNING_RATIO)) {
        out.add(
            warning(
                fileName,
                where,
                realVolumePaths.get(b.symbol()),
                String.format(
                    java.util.Locale.ROOT,
                    "%s's real volume is %,.0f times its simulated volume but the market's scale is"
                        + " %,.0f: its book is %.1fx too %s for one miniature, and real-dollar"
                        + " figures in it are off by that much",
                    b.symbol(),
                    b.factor(),
                    scale.factor(),
                    ratio > 1 ? ratio : 1 / ratio,
                    ratio > 1 ? "thin" : "deep")));
      }
    }
  }

  /** Families that must trade when their rule says so, whatever the market can take. */
  static final java.util.Set<String> FORCED_FAMILIES =
      java.util.Set.of("vol-target", "risk-parity", "cta", "long-short-fund");

  /**
   * A forced-flow group (a fund that must trade when its rule says so) whose holdings of an
   * instrument come to more than a day of its {@code baselineDailyVolume}: when it de-risks it
   * cannot get out in a day, and its selling is the market's whole volume (the threshold of one day
   * is assumed, as for flows).
   */
  private void fundsLargerThanTheirMarket(
      String fileName, ScenarioSpec spec, List<ScenarioError> out) {
    for (int i = 0; i < spec.agents().size() && i < agentNodes.size(); i++) {
      AgentGroupSpec g = spec.agents().get(i);
      if (!FORCED_FAMILIES.contains(g.family())
          || !(agentNodes.get(i) instanceof YamlNode.Mapping m)
          || m.entries().get("holdings") == null
          || !(m.entries().get("holdings").value() instanceof YamlNode.Mapping held)) {
        continue;
      }
      for (Map.Entry<String, Long> h : g.holdings().entrySet()) {
        InstrumentSpec ins = specs.get(h.getKey());
        YamlNode.Entry where = held.entries().get(h.getKey());
        if (ins == null || where == null || ins.baselineDailyVolume() <= 0) {
          continue;
        }
        double days = (double) h.getValue() * g.count() / ins.baselineDailyVolume();
        if (days > FLOW_WARNING_SHARE_OF_DAY) {
          out.add(
              new ScenarioError(
                  fileName,
                  where.line(),
                  where.column(),
                  "agents[" + i + "].holdings." + h.getKey(),
                  String.format(
                      java.util.Locale.ROOT,
                      "the %s group '%s' holds %,d lots of %s in all, %.1f days of its"
                          + " baselineDailyVolume: when it must sell, the market cannot take it in a"
                          + " day",
                      g.family(),
                      g.name(),
                      h.getValue() * g.count(),
                      h.getKey(),
                      days)));
        }
      }
    }
  }

  /**
   * An instrument's real-to-simulated volume ratio this many times above or below the market's is
   * flagged (assumed threshold: a factor of two in volume is about 1.4x in square-root impact).
   */
  static final double SCALE_WARNING_RATIO = 2.0;

  /**
   * A perpetual whose perpetual traders all hold the same side (every group's {@code
   * longProbability} fixed at 1, or at 0) and that no basis trader trades: their open interest has
   * no one on the other side but the market makers' inventory.
   */
  private void oneSidedPerpetuals(String fileName, ScenarioSpec spec, List<ScenarioError> out) {
    for (InstrumentSpec ins : spec.instruments()) {
      if (ins.assetClass() != dev.cascade.market.AssetClass.CRYPTO_PERP) {
        continue;
      }
      int first = -1;
      boolean allLong = true;
      boolean allShort = true;
      boolean basis = false;
      for (int i = 0; i < spec.agents().size(); i++) {
        AgentGroupSpec g = spec.agents().get(i);
        if (!g.instruments().contains(ins.symbol())) {
          continue;
        }
        if (g.family().equals("basis-trader")) {
          basis = true;
        } else if (g.family().equals("perp-trader")) {
          first = first < 0 ? i : first;
          dev.cascade.agents.Distribution d = g.params().get("longProbability");
          allLong &= d != null && d.lowerBound() >= 1;
          allShort &= d != null && d.upperBound() <= 0;
        }
      }
      if (first >= 0 && !basis && (allLong || allShort) && first < agentNodes.size()) {
        out.add(
            warning(
                fileName,
                agentNodes.get(first),
                "agents[" + first + "]",
                "every perpetual trader on "
                    + ins.symbol()
                    + " is "
                    + (allLong ? "long" : "short")
                    + " (longProbability "
                    + (allLong ? "1" : "0")
                    + ") and no basis trader trades it: their open interest has no one on the"
                    + " other side but the market makers"));
      }
    }
  }

  /**
   * A {@code leverageEffect} written on an instrument whose news flow is another's (an ETF with a
   * basket, a perpetual following its index, a VIX-style future): the engine ignores it.
   */
  private void ignoredLeverageEffects(String fileName, ScenarioSpec spec, List<ScenarioError> out) {
    for (InstrumentSpec ins : spec.instruments()) {
      YamlNode where = leverageNodes.get(ins.symbol());
      if (where == null || ins.leverageEffect().amplitude() == 0) {
        continue;
      }
      String whose = ins.borrowedNewsFlow();
      if (whose != null) {
        out.add(
            warning(
                fileName,
                where,
                leveragePaths.get(ins.symbol()),
                ins.symbol()
                    + "'s news flow is "
                    + whose
                    + ", so its own leverageEffect is ignored; give it to the instruments"
                    + " whose values walk"));
      }
    }
  }

  private static ScenarioError warning(String file, YamlNode at, String path, String message) {
    return new ScenarioError(file, at.line(), at.column(), path, message);
  }

  /** The spec, or null if any error was reported (now or before). */
  ScenarioSpec read(YamlNode root) {
    if (!(root instanceof YamlNode.Mapping m)) {
      errors.at(
          root,
          "",
          "a scenario file must be a mapping (name: ..., start: ..., instruments: ...) but this one is "
              + root.describe());
      return null;
    }
    Fields f = new Fields(m, "");
    f.only(TOP_KEYS);
    String name = matching(f.require("name"), "name", NAME, NAME_RULE);
    String description =
        f.has("description")
            ? text(f.get("description"), "description", MAX_DESCRIPTION_CHARS)
            : "";
    Long seed =
        f.has("seed")
            ? integer(f.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE)
            : Long.valueOf(1);
    OffsetDateTime start = dateTime(f.require("start"), "start");
    OffsetDateTime end = dateTime(f.require("end"), "end");
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        end = null; // so shocks are not also reported as outside an empty window
        errors.at(f.get("end"), "end", "must be after start (" + start + ")");
      } else if (end.isAfter(start.plusDays(MAX_SCENARIO_DAYS))) {
        errors.at(
            f.get("end"), "end", "must be at most " + MAX_SCENARIO_DAYS + " days after start");
      }
    }
    List<InstrumentSpec> instruments = instruments(f.require("instruments"));
    for (InstrumentSpec i : instruments) {
      specs.put(i.symbol(), i);
    }
    scale = realScale(instruments);
    MarketRulesSpec rules = f.has("rules") ? rules(f.get("rules")) : MarketRulesSpec.defaults();
    List<AgentGroupSpec> agents = f.has("agents") ? agents(f.get("agents")) : List.of();
    List<FactorSpec> factors = f.has("factors") ? factors(f.get("factors")) : List.of();
    List<ShockSpec> shocks = f.has("shocks") ? shocks(f.get("shocks"), start, end) : List.of();
    checkVolFutures(agents, end);
    EpisodeSpec episode =
        f.has("episode") ? episode(f.get("episode"), instruments, start, end) : EpisodeSpec.NONE;
    if (errors.count() > 0) {
      return null;
    }
    return new ScenarioSpec(
        name,
        description,
        seed,
        start,
        end,
        instruments,
        agents,
        rules,
        shocks,
        episode,
        factors,
        scale);
  }

  /** The scale fixed by the instruments that state a real daily volume (in scenario order). */
  private RealScale realScale(List<InstrumentSpec> instruments) {
    List<RealScale.Basis> basis = new ArrayList<>();
    for (InstrumentSpec i : instruments) {
      Double real = realVolumes.get(i.symbol());
      if (real != null) {
        basis.add(new RealScale.Basis(i.symbol(), real, RealScale.simulatedDailyDollars(i)));
      }
    }
    return RealScale.of(basis);
  }

  /**
   * A size written either as a plain number or as {@code {real: X}}, a real-market amount that the
   * market's scale divides (docs/model.md §14); null (reported) when it is neither, or when the
   * file states no real volume to scale by.
   */
  private Double amount(YamlNode node, String path) {
    if (!(node instanceof YamlNode.Mapping m)) {
      return anyReal(node, path);
    }
    Fields f = new Fields(m, path);
    f.only(List.of(RealScale.REAL));
    Double real = anyReal(f.require(RealScale.REAL), path + "." + RealScale.REAL);
    if (real == null) {
      return null;
    }
    if (!scale.isSet()) {
      errors.at(node, path, RealScale.NO_SCALE);
      return null;
    }
    return scale.simulated(real);
  }

  // ---- factors ----

  /** The factors as read, by name, for shocks' spillover lists. */
  private final Map<String, FactorSpec> factorsByName = new LinkedHashMap<>();

  /** The largest loading accepted, either sign. */
  static final double MAX_LOADING = 10;

  /** The highest factor volatility accepted, percent a year. */
  static final double MAX_FACTOR_VOL_PCT = 500;

  private List<FactorSpec> factors(YamlNode node) {
    YamlNode.Mapping m = mapping(node, "factors");
    if (m == null) {
      return List.of();
    }
    List<FactorSpec> out = new ArrayList<>();
    // Each instrument's variance from the factors, and where its last loading was written.
    Map<String, Double> explained = new LinkedHashMap<>();
    Map<String, YamlNode.Entry> lastLoading = new HashMap<>();
    Map<String, String> lastPath = new HashMap<>();
    for (YamlNode.Entry e : m.entries().values()) {
      String path = "factors." + e.key();
      if (!NAME.matcher(e.key()).matches()) {
        errors.add(
            e.line(),
            e.column(),
            path,
            "'"
                + Suggestions.shorten(e.key())
                + "' is not a valid factor name: expected "
                + NAME_RULE);
        continue;
      }
      YamlNode.Mapping fm = mapping(e.value(), path);
      if (fm == null) {
        continue;
      }
      int before = errors.count();
      Fields f = new Fields(fm, path);
      f.only(FACTOR_KEYS);
      Double vol = real(f.require("volPct"), path + ".volPct", 0, false, MAX_FACTOR_VOL_PCT, true);
      Boolean walk = f.has("walk") ? bool(f.get("walk"), path + ".walk") : Boolean.TRUE;
      YamlNode.Mapping lm =
          f.has("loadings") ? mapping(f.get("loadings"), path + ".loadings") : null;
      if (!f.has("loadings")) {
        f.require("loadings");
      }
      Map<String, Double> loadings = new LinkedHashMap<>();
      if (lm != null) {
        for (YamlNode.Entry l : lm.entries().values()) {
          String lp = path + ".loadings." + l.key();
          InstrumentSpec ins = specs.get(l.key());
          if (!symbols.containsKey(l.key())) {
            errors.add(
                l.line(),
                l.column(),
                lp,
                Suggestions.unknown("instrument", l.key(), symbols.keySet()));
            continue;
          }
          Double b = real(l.value(), lp, -MAX_LOADING, true, MAX_LOADING, true);
          if (b == null || ins == null) {
            continue;
          }
          if (ins.basket() != null
              || ins.perpetual().index() != null
              || ins.volFuture().present()) {
            errors.add(
                l.line(),
                l.column(),
                lp,
                l.key()
                    + "'s value follows "
                    + (ins.basket() != null
                        ? "its basket's net asset value"
                        : ins.volFuture().present() ? "a volatility index" : "its index")
                    + ": load the instruments it follows instead");
            continue;
          }
          if (!(ins.fundamentalVolPct() > 0)) {
            errors.add(
                l.line(),
                l.column(),
                lp,
                l.key() + " has no fundamentalVolPct, so no variance for a factor to explain");
            continue;
          }
          loadings.put(l.key(), b);
          if (vol != null) {
            explained.merge(l.key(), b * b * vol * vol, Double::sum);
            lastLoading.put(l.key(), l);
            lastPath.put(l.key(), lp);
          }
        }
      }
      if (errors.count() == before && vol != null && walk != null) {
        FactorSpec spec = new FactorSpec(e.key(), vol, loadings, walk);
        out.add(spec);
        factorsByName.put(e.key(), spec);
      }
    }
    for (Map.Entry<String, Double> x : explained.entrySet()) {
      double own = specs.get(x.getKey()).fundamentalVolPct();
      if (x.getValue() > own * own * (1 + 1e-9)) {
        YamlNode.Entry l = lastLoading.get(x.getKey());
        errors.add(
            l.line(),
            l.column(),
            lastPath.get(x.getKey()),
            "the factors give "
                + x.getKey()
                + " a volatility of "
                + fmt(Math.round(Math.sqrt(x.getValue()) * 100) / 100.0)
                + "% a year, more than its fundamentalVolPct "
                + fmt(own)
                + "%: sum over factors of loading^2 x volPct^2 must not exceed fundamentalVolPct^2");
      }
    }
    return out;
  }

  // ---- episode ----

  private EpisodeSpec episode(
      YamlNode node, List<InstrumentSpec> instruments, OffsetDateTime start, OffsetDateTime end) {
    YamlNode.Mapping m = mapping(node, "episode");
    if (m == null) {
      return EpisodeSpec.NONE;
    }
    Fields f = new Fields(m, "episode");
    f.only(EPISODE_KEYS);
    String source = f.has("source") ? text(f.get("source"), "episode.source") : "";
    OffsetDateTime from = f.has("from") ? dateTime(f.get("from"), "episode.from") : null;
    if (from != null
        && start != null
        && end != null
        && (from.isBefore(start) || !from.isBefore(end))) {
      errors.at(
          f.get("from"),
          "episode.from",
          "must be within the run, at or after start (" + start + ") and before end (" + end + ")");
      from = null;
    }
    Map<String, EpisodeSpec.Observed> observed = new LinkedHashMap<>();
    if (f.has("observed")) {
      YamlNode.Mapping om = mapping(f.get("observed"), "episode.observed");
      for (YamlNode.Entry e : om == null ? List.<YamlNode.Entry>of() : om.entries().values()) {
        String p = "episode.observed." + e.key();
        if (!symbols.containsKey(e.key())) {
          errors.add(
              e.line(),
              e.column(),
              p,
              Suggestions.unknown("instrument", e.key(), symbols.keySet()));
          continue;
        }
        YamlNode.Mapping fm = mapping(e.value(), p);
        if (fm == null) {
          continue;
        }
        Fields of = new Fields(fm, p);
        of.only(OBSERVED_KEYS);
        observed.put(
            e.key(),
            new EpisodeSpec.Observed(
                of.has("price") ? real(of.get("price"), p + ".price", 0, false, 1e9, true) : null,
                of.has("changePct")
                    ? real(of.get("changePct"), p + ".changePct", -100, true, 10_000, true)
                    : null,
                of.has("relativeVolume")
                    ? real(of.get("relativeVolume"), p + ".relativeVolume", 0, true, 1000, true)
                    : null));
      }
    }
    String index = null;
    if (f.has("index")) {
      index = symbol(f.get("index"), "episode.index");
      if (index != null) {
        for (InstrumentSpec i : instruments) {
          if (i.symbol().equals(index) && i.basket() == null) {
            errors.at(
                f.get("index"),
                "episode.index",
                "'"
                    + index
                    + "' has no basket: the index must list its constituents (basket: ...)");
            index = null;
            break;
          }
        }
      }
    }
    Map<String, List<String>> sectors = new LinkedHashMap<>();
    if (f.has("sectors")) {
      YamlNode.Mapping sm = mapping(f.get("sectors"), "episode.sectors");
      for (YamlNode.Entry e : sm == null ? List.<YamlNode.Entry>of() : sm.entries().values()) {
        String p = "episode.sectors." + e.key();
        List<YamlNode> items = list(e.value(), p);
        if (items == null) {
          continue;
        }
        List<String> syms = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
          String sym = symbol(items.get(k), p + "[" + k + "]");
          if (sym != null) {
            syms.add(sym);
          }
        }
        sectors.put(e.key(), List.copyOf(syms));
      }
    }
    Map<String, EpisodeSpec.Levels> levels = new LinkedHashMap<>();
    if (f.has("levels")) {
      YamlNode.Mapping lm = mapping(f.get("levels"), "episode.levels");
      for (YamlNode.Entry e : lm == null ? List.<YamlNode.Entry>of() : lm.entries().values()) {
        String p = "episode.levels." + e.key();
        if (!symbols.containsKey(e.key())) {
          errors.add(
              e.line(),
              e.column(),
              p,
              Suggestions.unknown("instrument", e.key(), symbols.keySet()));
          continue;
        }
        YamlNode.Mapping fm = mapping(e.value(), p);
        if (fm == null) {
          continue;
        }
        Fields lf = new Fields(fm, p);
        lf.only(LEVEL_KEYS);
        Double[] v = new Double[LEVEL_KEYS.size()];
        for (int k = 0; k < v.length; k++) {
          String key = LEVEL_KEYS.get(k);
          v[k] = lf.has(key) ? real(lf.get(key), p + "." + key, 0, false, 1e9, true) : null;
        }
        if (v[2] != null && v[3] != null && !(v[2] > v[3])) {
          errors.at(lf.get("fibHigh"), p + ".fibHigh", "must be above fibLow (" + fmt(v[3]) + ")");
        }
        if ((v[2] == null) != (v[3] == null)) {
          errors.at(fm, p, "give both fibHigh and fibLow, or neither");
        }
        levels.put(e.key(), new EpisodeSpec.Levels(v[0], v[1], v[2], v[3], v[4]));
      }
    }
    return new EpisodeSpec(source == null ? "" : source, observed, index, sectors, levels, from);
  }

  // ---- instruments ----

  private List<InstrumentSpec> instruments(YamlNode node) {
    List<YamlNode> items = list(node, "instruments");
    if (items == null) {
      return List.of();
    }
    if (items.isEmpty()) {
      errors.at(node, "instruments", "must list at least one instrument");
    }
    if (items.size() > EngineLimits.MAX_INSTRUMENTS) {
      errors.at(
          node,
          "instruments",
          items.size()
              + " instruments; the engine runs at most "
              + EngineLimits.MAX_INSTRUMENTS
              + " (order ids carry the instrument in 10 bits)");
    }
    List<InstrumentSpec> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      InstrumentSpec s = instrument(items.get(i), "instruments[" + i + "]");
      if (s != null) {
        out.add(s);
      }
    }
    for (int k = 0; k < basketRefs.size(); k++) {
      YamlNode.Entry e = basketRefs.get(k);
      String p = basketOwners.get(k) + ".basket." + e.key();
      if (!symbols.containsKey(e.key())) {
        errors.add(
            e.line(), e.column(), p, Suggestions.unknown("instrument", e.key(), symbols.keySet()));
      } else if (isVolFuture(out, e.key())) {
        errors.add(
            e.line(),
            e.column(),
            p,
            e.key()
                + " is a VIX-style future: a basket holds instruments valued on their own, not"
                + " futures on an index of options");
      }
    }
    for (int k = 0; k < indexRefs.size(); k++) {
      String target = indexTargets.get(k);
      if (!symbols.containsKey(target)) {
        errors.at(
            indexRefs.get(k),
            indexPaths.get(k),
            Suggestions.unknown("instrument", target, symbols.keySet()));
      } else if (target.equals(indexOwners.get(k))) {
        errors.at(indexRefs.get(k), indexPaths.get(k), "a perpetual cannot be its own index");
      } else {
        if (isVolFuture(out, target)) {
          errors.at(
              indexRefs.get(k),
              indexPaths.get(k),
              "the index must be a spot instrument, but " + target + " is a VIX-style future");
        }
        for (InstrumentSpec s : out) {
          if (s.symbol().equals(target) && s.assetClass() == AssetClass.CRYPTO_PERP) {
            errors.at(
                indexRefs.get(k),
                indexPaths.get(k),
                "the index must be a spot instrument, but "
                    + target
                    + " is a perpetual; name its spot coin (e.g. class crypto)");
          }
        }
      }
    }
    return out;
  }

  private static boolean isVolFuture(List<InstrumentSpec> instruments, String symbol) {
    for (InstrumentSpec s : instruments) {
      if (s.symbol().equals(symbol) && s.volFuture().present()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first instrument's currency and symbol. Cash is one balance per account, in one currency:
   * an instrument priced in another would settle in it one for one, so the loader refuses it.
   */
  private String runCurrency;

  private String runCurrencyOwner;

  private InstrumentSpec instrument(YamlNode node, String path) {
    YamlNode.Mapping m = mapping(node, path);
    if (m == null) {
      return null;
    }
    int before = errors.count();
    Fields f = new Fields(m, path);
    f.only(INSTRUMENT_KEYS);
    String symbol =
        matching(
            f.require("symbol"),
            path + ".symbol",
            SYMBOL,
            "1 to 16 uppercase letters, digits, '.' and '-', starting with a letter or digit");
    if (symbol != null) {
      YamlNode first = symbols.putIfAbsent(symbol, f.get("symbol"));
      if (first != null) {
        errors.at(
            f.get("symbol"),
            path + ".symbol",
            "duplicate symbol '" + symbol + "' (first at line " + first.line() + ")");
      }
    }
    AssetClass cls =
        choice(
            f.require("class"),
            path + ".class",
            "asset class",
            AssetClass::fromConfigName,
            Arrays.stream(AssetClass.values()).map(AssetClass::configName).toList());
    BigDecimal tick = positive(f, "tick", path, new BigDecimal("0.01"));
    BigDecimal lot = positive(f, "lot", path, BigDecimal.ONE);
    BigDecimal multiplier = positive(f, "multiplier", path, BigDecimal.ONE);
    String currency =
        f.has("currency")
            ? matching(
                f.get("currency"), path + ".currency", CURRENCY, "a 3-letter ISO code like USD")
            : "USD";
    if (currency != null) {
      if (runCurrency == null) {
        runCurrency = currency;
        runCurrencyOwner = symbol;
      } else if (!currency.equals(runCurrency)) {
        errors.at(
            f.has("currency") ? f.get("currency") : m,
            path + ".currency",
            currency
                + ", but "
                + runCurrencyOwner
                + " is in "
                + runCurrency
                + ": every account keeps its cash in one currency, so every instrument must be"
                + " priced in the same one (several currencies and foreign exchange are not"
                + " built)");
      }
    }
    SessionKind session =
        f.has("session")
            ? choice(
                f.get("session"),
                path + ".session",
                "session",
                SessionKind::fromConfigName,
                Arrays.stream(SessionKind.values()).map(SessionKind::configName).toList())
            : cls == null ? null : defaultSession(cls);
    Double vol =
        f.has("fundamentalVolPct")
            ? real(f.get("fundamentalVolPct"), path + ".fundamentalVolPct", 0, true, 500, true)
            : Double.valueOf(20);
    Long baseline =
        f.has("baselineDailyVolume")
            ? integer(
                f.get("baselineDailyVolume"),
                path + ".baselineDailyVolume",
                0,
                1_000_000_000_000_000L)
            : Long.valueOf(0);
    if (f.has(RealScale.REAL_DAILY_VOLUME)) {
      String key = RealScale.REAL_DAILY_VOLUME;
      Double realVolume = real(f.get(key), path + "." + key, 0, false, 1e15, true);
      if (realVolume != null && baseline != null && baseline == 0) {
        errors.at(
            f.get(key),
            path + "." + key,
            "the real scale compares this with the instrument's simulated daily volume: give"
                + " baselineDailyVolume too");
      } else if (realVolume != null && symbol != null) {
        realVolumes.put(symbol, realVolume);
        realVolumeNodes.put(symbol, f.get(key));
        realVolumePaths.put(symbol, path + "." + key);
      }
    }
    Double dailyLimit =
        f.has("dailyLimitPct")
            ? real(f.get("dailyLimitPct"), path + ".dailyLimitPct", 0, false, 100, false)
            : Double.valueOf(0);
    BigDecimal price =
        decimal(f.require("price"), path + ".price", BigDecimal.ZERO, false, BILLION, true);
    long priceTicks = -1;
    long microPerTickLot = -1;
    if (price != null && tick != null) {
      BigDecimal[] qr = price.divideAndRemainder(tick);
      if (qr[1].signum() != 0) {
        BigDecimal down = new BigDecimal(qr[0].toBigInteger()).multiply(tick);
        errors.at(
            f.get("price"),
            path + ".price",
            price.toPlainString()
                + " is not on the tick grid of "
                + tick.toPlainString()
                + " (nearest: "
                + down.toPlainString()
                + " or "
                + down.add(tick).toPlainString()
                + ")");
      } else if (qr[0].compareTo(BigDecimal.valueOf(MAX_PRICE_TICKS)) > 0) {
        errors.at(
            f.get("price"),
            path + ".price",
            "is "
                + qr[0].toPlainString()
                + " ticks of "
                + tick.toPlainString()
                + "; at most "
                + MAX_PRICE_TICKS
                + " are allowed: use a coarser tick");
      } else {
        priceTicks = qr[0].longValueExact();
      }
    }
    if (tick != null && lot != null && multiplier != null) {
      String field =
          f.has("tick") ? "tick" : f.has("lot") ? "lot" : f.has("multiplier") ? "multiplier" : null;
      YamlNode where = field == null ? m : f.get(field);
      String wherePath = field == null ? path : path + "." + field;
      BigDecimal cashPerTickLot = tick.multiply(lot).multiply(multiplier);
      if (cashPerTickLot.compareTo(BILLION) > 0) {
        errors.at(
            where,
            wherePath,
            "tick x lot x multiplier = "
                + cashPerTickLot.toPlainString()
                + " currency units per tick per lot; at most 1000000000");
      } else {
        try {
          microPerTickLot = Instrument.cashPerTickLotOf(tick, lot, multiplier);
        } catch (IllegalArgumentException e) {
          errors.at(where, wherePath, e.getMessage());
        }
      }
    }
    if (priceTicks > 0 && microPerTickLot > 0) {
      BigInteger lotValue = EngineLimits.lotValueAtBookMaxMicro(priceTicks, microPerTickLot);
      if (lotValue.compareTo(BigInteger.valueOf(EngineLimits.MAX_LOT_VALUE_MICRO)) > 0) {
        errors.at(
            f.get("price"),
            path + ".price",
            "one lot at the highest price its book accepts ("
                + EngineLimits.BOOK_PRICE_MULTIPLE
                + " x the start price, at least "
                + EngineLimits.MIN_BOOK_PRICE_TICKS
                + " ticks) is worth "
                + units(lotValue)
                + " currency units (price x lot x multiplier); the engine allows at most "
                + units(BigInteger.valueOf(EngineLimits.MAX_LOT_VALUE_MICRO)));
      }
    }
    Double duration = optionalReal(f, "duration", path, 0, true, 100, true, 0);
    Double convexity = optionalReal(f, "convexity", path, 0, true, 10_000, true, 0);
    Double yieldPct = optionalReal(f, "yieldPct", path, -5, true, 50, true, Double.NaN);
    BasketSpec basket = f.has("basket") ? basket(f, path, symbol) : null;
    if (basket != null) {
      basketNodes.put(symbol, f.get("basket"));
      basketPaths.put(symbol, path + ".basket");
    }
    if (f.has("creationUnit") && !f.has("basket")) {
      errors.at(
          f.get("creationUnit"),
          path + ".creationUnit",
          "creationUnit applies only to an instrument with a basket; add basket: {SYMBOL: weight}");
    }
    PerpetualSpec perpetual = perpetual(f, path, symbol, cls);
    VolFutureSpec volFuture = volFuture(f, path, symbol, cls);
    LeverageEffect leverage =
        f.has("leverageEffect")
            ? leverageEffect(f.get("leverageEffect"), path + ".leverageEffect")
            : cls == null ? null : LeverageEffect.defaultFor(cls);
    if (f.has("leverageEffect") && symbol != null) {
      leverageNodes.put(symbol, f.get("leverageEffect"));
      leveragePaths.put(symbol, path + ".leverageEffect");
    }
    if (errors.count() > before
        || leverage == null
        || perpetual == null
        || volFuture == null
        || duration == null
        || convexity == null
        || yieldPct == null
        || symbol == null
        || cls == null
        || tick == null
        || lot == null
        || multiplier == null
        || currency == null
        || session == null
        || vol == null
        || baseline == null
        || price == null
        || dailyLimit == null) {
      return null; // reported here, or earlier as an alias
    }
    return new InstrumentSpec(
        symbol,
        cls,
        tick,
        lot,
        multiplier,
        currency,
        session,
        price,
        vol,
        baseline,
        duration > 0 || convexity > 0 || !yieldPct.isNaN()
            ? new RateSensitivity(duration, convexity, yieldPct)
            : RateSensitivity.NONE,
        basket,
        perpetual,
        dailyLimit,
        volFuture,
        leverage);
  }

  /**
   * An instrument's {@code leverageEffect: {amplitude: A, days: T, saturation: c}} (docs/model.md
   * §4, "Leverage"): A in [0, 200] per unit of return and T in (0, 1000] trading days, both
   * required; c in (0, 3], the index's 0.33 if absent.
   */
  private LeverageEffect leverageEffect(YamlNode node, String path) {
    YamlNode.Mapping m = mapping(node, path);
    if (m == null) {
      return null;
    }
    Fields f = new Fields(m, path);
    f.only(LEVERAGE_EFFECT_KEYS);
    Double amplitude =
        real(
            f.require("amplitude"),
            path + ".amplitude",
            0,
            true,
            LeverageEffect.MAX_AMPLITUDE,
            true);
    Double days = real(f.require("days"), path + ".days", 0, false, LeverageEffect.MAX_DAYS, true);
    Double saturation =
        optionalReal(
            f,
            "saturation",
            path,
            0,
            false,
            LeverageEffect.MAX_SATURATION,
            true,
            LeverageEffect.INDEX_SATURATION);
    return amplitude == null || days == null || saturation == null
        ? null
        : new LeverageEffect(amplitude, days, saturation);
  }

  /**
   * A VIX-style future's keys: only for class future, {@code vixOf} and {@code expiry} required;
   * the underlying is checked against the declared instruments and the options dealers once the
   * agents are read.
   */
  private VolFutureSpec volFuture(Fields f, String path, String symbol, AssetClass cls) {
    boolean any = false;
    for (String k : VOL_FUTURE_KEYS) {
      if (f.has(k)) {
        any = true;
        if (cls != null && cls != AssetClass.FUTURE) {
          errors.at(
              f.get(k),
              path + "." + k,
              k
                  + " applies only to a future on a VIX-style index (class future), not class "
                  + cls.configName());
        }
      }
    }
    if (!any) {
      return VolFutureSpec.NONE;
    }
    YamlNode vixOf = f.require("vixOf");
    String underlying = vixOf == null ? null : text(vixOf, path + ".vixOf");
    YamlNode expiryNode = f.require("expiry");
    OffsetDateTime expiry = expiryNode == null ? null : dateTime(expiryNode, path + ".expiry");
    Double kappa =
        optionalReal(f, "meanReversion", path, 0, true, 1000, true, VolFutureSpec.DEFAULT_KAPPA);
    Double theta =
        optionalReal(f, "longRunMean", path, 0, false, 500, true, VolFutureSpec.DEFAULT_THETA);
    Double impact =
        optionalReal(
            f, "vegaDemandImpact", path, 0, true, 100, true, VolFutureSpec.DEFAULT_DEMAND_IMPACT);
    if (underlying == null || expiry == null || kappa == null || theta == null || impact == null) {
      return null;
    }
    volFutureRefs.add(vixOf);
    volFuturePaths.add(path);
    volFutureOwners.add(symbol);
    volFutureExpiries.add(expiryNode);
    return new VolFutureSpec(underlying, expiry, kappa, theta, impact);
  }

  /**
   * Checks every VIX-style future against the rest of the file: its underlying is declared, is not
   * itself such a future, and has options dealers (whose surface the index is computed from); it
   * expires after the run ends.
   */
  private void checkVolFutures(List<AgentGroupSpec> agents, OffsetDateTime end) {
    for (int k = 0; k < volFutureRefs.size(); k++) {
      InstrumentSpec self = specs.get(volFutureOwners.get(k));
      if (self == null) {
        continue;
      }
      String target = self.volFuture().underlying();
      String where = volFuturePaths.get(k) + ".vixOf";
      InstrumentSpec u = specs.get(target);
      if (u == null) {
        errors.at(
            volFutureRefs.get(k), where, Suggestions.unknown("instrument", target, specs.keySet()));
        continue;
      }
      if (u.volFuture().present() || u.symbol().equals(self.symbol())) {
        errors.at(
            volFutureRefs.get(k),
            where,
            "the index's underlying must be the instrument its options are on (e.g. SPY), not a"
                + " VIX-style future");
        continue;
      }
      boolean dealt = false;
      for (AgentGroupSpec g : agents) {
        dealt |= g.family().equals("options-dealer") && g.instruments().contains(target);
      }
      if (!dealt) {
        errors.at(
            volFutureRefs.get(k),
            where,
            "the VIX-style index of "
                + target
                + " is computed from its options dealers' surface: add an options-dealer group"
                + " on "
                + target);
      }
      if (end != null && !self.volFuture().expiry().isAfter(end)) {
        errors.at(
            volFutureExpiries.get(k),
            volFuturePaths.get(k) + ".expiry",
            "must be after the run's end (" + end + "): settlement within a run is not simulated");
      }
    }
  }

  /**
   * A perpetual's index and funding keys: only for class crypto-perp; the index is checked against
   * the declared instruments once all are read.
   */
  private PerpetualSpec perpetual(Fields f, String path, String symbol, AssetClass cls) {
    boolean any = false;
    for (String k : List.of("index", "fundingHours", "fundingCapPct")) {
      if (f.has(k)) {
        any = true;
        if (cls != null && cls != AssetClass.CRYPTO_PERP) {
          errors.at(
              f.get(k),
              path + "." + k,
              k
                  + " applies only to a perpetual (class crypto-perp), not class "
                  + cls.configName());
        }
      }
    }
    if (!any) {
      return PerpetualSpec.NONE;
    }
    // At least 36 seconds: funding is scheduled in whole nanoseconds from midnight, and a
    // vanishing interval is a division by zero (or a payment every few nanoseconds).
    Double hours =
        optionalReal(
            f, "fundingHours", path, 0.01, true, 24 * 7, true, PerpetualSpec.DEFAULT_FUNDING_HOURS);
    Double cap =
        optionalReal(
            f, "fundingCapPct", path, 0, false, 100, true, PerpetualSpec.DEFAULT_FUNDING_CAP_PCT);
    String index = null;
    if (f.has("index")) {
      index = text(f.get("index"), path + ".index");
      if (index != null) {
        indexRefs.add(f.get("index"));
        indexPaths.add(path + ".index");
        indexOwners.add(symbol);
        indexTargets.add(index);
      }
    }
    if (hours == null || cap == null || (f.has("index") && index == null)) {
      return null;
    }
    return new PerpetualSpec(index, hours, cap);
  }

  /** An ETF's basket: {SYMBOL: weight} with weights in (0, 1] summing to 1, and its unit. */
  private BasketSpec basket(Fields f, String path, String owner) {
    YamlNode.Mapping m = mapping(f.get("basket"), path + ".basket");
    Long unit =
        optionalInteger(
            f, "creationUnit", path, 1, 1_000_000_000L, BasketSpec.DEFAULT_CREATION_UNIT);
    if (m == null) {
      return null;
    }
    if (m.entries().isEmpty()) {
      errors.at(m, path + ".basket", "must list at least one constituent as SYMBOL: weight");
      return null;
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    double sum = 0;
    boolean ok = true;
    for (YamlNode.Entry e : m.entries().values()) {
      String p = path + ".basket." + e.key();
      if (e.key().equals(owner)) {
        errors.add(e.line(), e.column(), p, "a basket cannot contain its own fund");
        ok = false;
        continue;
      }
      basketRefs.add(e);
      basketOwners.add(path);
      Double w = real(e.value(), p, 0, false, 1, true);
      if (w == null) {
        ok = false;
        continue;
      }
      weights.put(e.key(), w);
      sum += w;
    }
    if (ok && Math.abs(sum - 1) > 1e-3) {
      errors.at(
          m,
          path + ".basket",
          "index weights must sum to 1 (within 0.001) but sum to "
              + fmt(Math.round(sum * 1e6) / 1e6));
      return null;
    }
    return ok && unit != null ? new BasketSpec(weights, unit) : null;
  }

  private BigDecimal positive(Fields f, String key, String path, BigDecimal def) {
    if (!f.has(key)) {
      return def;
    }
    return decimal(f.get(key), path + "." + key, BigDecimal.ZERO, false, BILLION, true);
  }

  static SessionKind defaultSession(AssetClass c) {
    switch (c) {
      case EQUITY:
      case ETF:
      case INDEX:
        return SessionKind.US_EQUITY;
      case TREASURY:
      case FUTURE:
      case METAL:
        return SessionKind.GLOBEX;
      case CRYPTO:
      case CRYPTO_PERP:
        return SessionKind.CRYPTO_24_7;
      default:
        throw new AssertionError(c);
    }
  }

  // ---- rules ----

  private MarketRulesSpec rules(YamlNode node) {
    MarketRulesSpec d = MarketRulesSpec.defaults();
    YamlNode.Mapping m = mapping(node, "rules");
    if (m == null) {
      return d;
    }
    Fields f = new Fields(m, "rules");
    f.only(RULE_KEYS);
    String reference =
        f.has("haltReference") ? symbol(f.get("haltReference"), "rules.haltReference") : null;
    InstrumentSpec refSpec = reference == null ? null : specs.get(reference);
    if (refSpec != null && refSpec.session() != SessionKind.US_EQUITY) {
      errors.at(
          f.get("haltReference"),
          "rules.haltReference",
          "market-wide halts follow NYSE Rule 7.12 on the New York clock: the reference must trade"
              + " in the us-equity session, and "
              + reference
              + " trades in "
              + refSpec.session().configName());
      reference = null;
    }
    List<Double> levels = d.haltLevelsPct();
    if (f.has("haltLevelsPct")) {
      levels = haltLevels(f.get("haltLevelsPct"));
    }
    List<Integer> minutes = d.haltMinutes();
    if (f.has("haltMinutes")) {
      minutes = haltMinutes(f.get("haltMinutes"));
    }
    if (levels != null && minutes != null && levels.size() != minutes.size()) {
      String key = f.has("haltMinutes") ? "haltMinutes" : "haltLevelsPct";
      errors.at(
          f.get(key),
          "rules." + key,
          "haltMinutes has "
              + minutes.size()
              + " entries but haltLevelsPct has "
              + levels.size()
              + "; give one halt length per level");
    }
    LocalTime cutoff = d.haltCutoff();
    if (f.has("haltCutoff")) {
      String s = text(f.get("haltCutoff"), "rules.haltCutoff");
      if (s != null) {
        java.util.regex.Matcher mm = CLOCK.matcher(s);
        if (mm.matches()) {
          cutoff = LocalTime.of(Integer.parseInt(mm.group(1)), Integer.parseInt(mm.group(2)));
        } else {
          errors.at(
              f.get("haltCutoff"),
              "rules.haltCutoff",
              "expected a time of day as \"HH:MM\" (e.g. \"15:25\") but found "
                  + f.get("haltCutoff").describe());
        }
      }
    }
    Double band = optionalReal(f, "bandPct", "rules", 0, true, 100, true, d.bandPct());
    Long window =
        optionalInteger(f, "bandWindowSeconds", "rules", 1, 86_400, d.bandWindowSeconds());
    Long pause = optionalInteger(f, "bandPauseSeconds", "rules", 1, 86_400, d.bandPauseSeconds());
    Double taker = optionalReal(f, "takerFeeBps", "rules", -100, true, 100, true, d.takerFeeBps());
    Double maker = optionalReal(f, "makerFeeBps", "rules", -100, true, 100, true, d.makerFeeBps());
    Double collar =
        optionalReal(
            f, "marketOrderCollarPct", "rules", 0, false, 100, true, d.marketOrderCollarPct());
    if (levels == null
        || minutes == null
        || levels.size() != minutes.size()
        || band == null
        || window == null
        || pause == null
        || taker == null
        || maker == null
        || collar == null
        || (f.has("haltReference") && reference == null && !isNull(f.get("haltReference")))) {
      return d;
    }
    return new MarketRulesSpec(
        reference,
        levels,
        minutes,
        cutoff,
        band,
        window.intValue(),
        pause.intValue(),
        taker,
        maker,
        collar);
  }

  private List<Double> haltLevels(YamlNode node) {
    List<YamlNode> items = list(node, "rules.haltLevelsPct");
    if (items == null) {
      return null;
    }
    List<Double> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < items.size(); i++) {
      String p = "rules.haltLevelsPct[" + i + "]";
      Double v = real(items.get(i), p, 0, false, 100, false);
      if (v == null) {
        ok = false;
        continue;
      }
      if (!out.isEmpty() && v <= out.get(out.size() - 1)) {
        errors.at(
            items.get(i),
            p,
            "levels must be ascending, but " + fmt(v) + " follows " + fmt(out.get(out.size() - 1)));
        ok = false;
      }
      out.add(v);
    }
    return ok ? out : null;
  }

  private List<Integer> haltMinutes(YamlNode node) {
    List<YamlNode> items = list(node, "rules.haltMinutes");
    if (items == null) {
      return null;
    }
    List<Integer> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < items.size(); i++) {
      String p = "rules.haltMinutes[" + i + "]";
      Long v = integer(items.get(i), p, -1, 1440);
      if (v != null && v == 0) {
        errors.at(items.get(i), p, "must be -1 (closed for the day) or 1..1440 minutes, not 0");
        v = null;
      }
      if (v == null) {
        ok = false;
      } else {
        out.add(v.intValue());
      }
    }
    return ok ? out : null;
  }

  // ---- agents ----

  private List<AgentGroupSpec> agents(YamlNode node) {
    List<YamlNode> items = list(node, "agents");
    if (items == null) {
      return List.of();
    }
    List<AgentGroupSpec> out = new ArrayList<>();
    Map<String, YamlNode> groupNames = new HashMap<>();
    long total = 0;
    for (int i = 0; i < items.size(); i++) {
      AgentGroupSpec g = agentGroup(items.get(i), "agents[" + i + "]", groupNames);
      if (g != null) {
        out.add(g);
        agentNodes.add(items.get(i));
        total += g.count();
      }
    }
    if (total > MAX_TOTAL_AGENTS) {
      errors.at(node, "agents", total + " agents in all; at most " + MAX_TOTAL_AGENTS);
    }
    String beyond = Endowments.beyondLimit(Endowments.micro(out, specs), "come to");
    if (beyond != null) {
      errors.at(node, "agents", beyond);
    }
    return out;
  }

  private AgentGroupSpec agentGroup(YamlNode node, String path, Map<String, YamlNode> groupNames) {
    YamlNode.Mapping m = mapping(node, path);
    if (m == null) {
      return null;
    }
    int before = errors.count();
    Fields f = new Fields(m, path);
    f.only(AGENT_KEYS);
    AgentFamily family = null;
    String familyName = text(f.require("family"), path + ".family");
    if (familyName != null) {
      Optional<AgentFamily> found = registry.find(familyName);
      if (found.isPresent()) {
        family = found.get();
      } else {
        errors.at(
            f.get("family"),
            path + ".family",
            Suggestions.unknown("agent family", familyName, registry.names()));
      }
    }
    String name =
        f.has("name") ? matching(f.get("name"), path + ".name", NAME, NAME_RULE) : familyName;
    if (name != null) {
      YamlNode where = f.has("name") ? f.get("name") : f.get("family");
      YamlNode first = groupNames.putIfAbsent(name, where);
      if (Simulations.ENGINE_GROUPS.contains(name)) {
        errors.at(
            where,
            path + (f.has("name") ? ".name" : ".family"),
            "'"
                + name
                + "' names accounts the engine opens itself ("
                + String.join(", ", new TreeSet<>(Simulations.ENGINE_GROUPS))
                + "); give the group another 'name'");
      } else if (first != null) {
        errors.at(
            where,
            path + (f.has("name") ? ".name" : ".family"),
            "duplicate group name '"
                + name
                + "' (first at line "
                + first.line()
                + "); give each group of the same family its own 'name'");
      }
    }
    Long count =
        f.has("count")
            ? integer(f.get("count"), path + ".count", 1, MAX_GROUP_COUNT)
            : Long.valueOf(1);
    List<String> instruments = groupInstruments(f.get("instruments"), path + ".instruments");
    BigDecimal cash = f.has("cash") ? cash(f.get("cash"), path + ".cash") : BigDecimal.ZERO;
    Map<String, Long> holdings =
        f.has("holdings") ? holdings(f.get("holdings"), path + ".holdings") : Map.of();
    Map<String, Distribution> params = params(f.get("params"), path + ".params", family);
    if ("basis-trader".equals(familyName) && instruments != null) {
      checkBasisPair(instruments, f.has("instruments") ? f.get("instruments") : m, path);
    }
    if (errors.count() > before
        || family == null
        || name == null
        || count == null
        || cash == null) {
      return null;
    }
    return new AgentGroupSpec(
        family.name(), name, count.intValue(), instruments, cash, holdings, params);
  }

  /**
   * Every agent's cash plus its holdings at the highest prices their books accept, micro-units,
   * exactly; with the perpetual venue's insurance fund when there is a perpetual.
   */
  private static String units(BigInteger micro) {
    return Endowments.units(micro);
  }

  /** A basis trader's instruments: a perpetual, then the spot instrument that is its index. */
  private void checkBasisPair(List<String> instruments, YamlNode where, String path) {
    InstrumentSpec perp = instruments.isEmpty() ? null : specs.get(instruments.get(0));
    boolean ok =
        instruments.size() == 2
            && perp != null
            && perp.assetClass() == AssetClass.CRYPTO_PERP
            && instruments.get(1).equals(perp.perpetual().index());
    if (!ok) {
      errors.at(
          where,
          path + ".instruments",
          "a basis trader takes two instruments: a perpetual (class crypto-perp), then its index,"
              + " e.g. [BTC-PERP, BTC]");
    }
  }

  private List<String> groupInstruments(YamlNode node, String path) {
    if (node == null) {
      return List.copyOf(symbols.keySet());
    }
    if (node instanceof YamlNode.Scalar s && s.text().equals("all")) {
      return List.copyOf(symbols.keySet());
    }
    if (!(node instanceof YamlNode.Sequence seq)) {
      typeError(node, path, "a list of instrument symbols or \"all\"");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      YamlNode item = seq.items().get(i);
      String p = path + "[" + i + "]";
      String s = symbol(item, p);
      if (s != null) {
        if (out.contains(s)) {
          errors.at(item, p, "'" + s + "' is listed twice");
        } else {
          out.add(s);
        }
      }
    }
    if (seq.items().isEmpty()) {
      errors.at(node, path, "must name at least one instrument (or leave it out for all)");
    }
    return out;
  }

  /** An agent's cash: a number, or {@code {real: X}} scaled to this market (to the cent). */
  private BigDecimal cash(YamlNode node, String path) {
    if (!(node instanceof YamlNode.Mapping)) {
      return decimal(node, path, BigDecimal.ZERO, true, MAX_CASH, true);
    }
    Double v = amount(node, path);
    if (v == null) {
      return null;
    }
    BigDecimal d = BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_EVEN);
    if (d.signum() < 0 || d.compareTo(MAX_CASH) > 0) {
      errors.at(
          node,
          path,
          "scaled to this market it is "
              + d.toPlainString()
              + ", outside [0, "
              + MAX_CASH.toPlainString()
              + "]");
      return null;
    }
    return d;
  }

  /** Lots: a whole number, or {@code {real: X}} scaled to this market and rounded. */
  private Long lots(YamlNode node, String path, long hi) {
    if (!(node instanceof YamlNode.Mapping)) {
      return integer(node, path, 0, hi);
    }
    Double v = amount(node, path);
    if (v == null) {
      return null;
    }
    if (!(v >= 0 && v <= hi)) {
      errors.at(node, path, "scaled to this market it is " + fmt(v) + ", outside [0, " + hi + "]");
      return null;
    }
    return Math.round(v);
  }

  private Map<String, Long> holdings(YamlNode node, String path) {
    YamlNode.Mapping m = mapping(node, path);
    if (m == null) {
      return Map.of();
    }
    Map<String, Long> out = new LinkedHashMap<>();
    for (YamlNode.Entry e : m.entries().values()) {
      String p = path + "." + e.key();
      if (!symbols.containsKey(e.key())) {
        errors.add(
            e.line(), e.column(), p, Suggestions.unknown("instrument", e.key(), symbols.keySet()));
      }
      Long lots = lots(e.value(), p, 1_000_000_000_000L);
      if (lots != null) {
        out.put(e.key(), lots);
      }
    }
    return out;
  }

  /** Every parameter the family declares: the file's value if given, else the default. */
  private Map<String, Distribution> params(YamlNode node, String path, AgentFamily family) {
    YamlNode.Mapping m = node == null ? null : mapping(node, path);
    Map<String, Distribution> out = new LinkedHashMap<>();
    if (family == null) {
      return out;
    }
    if (m != null) {
      List<String> declared = family.params().stream().map(ParamSpec::name).toList();
      for (YamlNode.Entry e : m.entries().values()) {
        String p = path + "." + e.key();
        ParamSpec spec = family.param(e.key());
        if (spec == null) {
          errors.add(
              e.line(),
              e.column(),
              p,
              Suggestions.unknown(family.name() + " parameter", e.key(), declared));
          continue;
        }
        Distribution d = distribution(e.value(), p);
        if (d == null) {
          continue;
        }
        String problem = spec.check(d);
        if (problem != null) {
          errors.at(e.value(), p, problem);
        } else {
          out.put(e.key(), d);
        }
      }
    }
    for (ParamSpec spec : family.params()) {
      out.putIfAbsent(spec.name(), spec.defaultValue());
    }
    return out;
  }

  private Distribution distribution(YamlNode node, String path) {
    if (node instanceof YamlNode.Scalar s && isNumber(s)) {
      Double v = real(node, path, -Double.MAX_VALUE, true, Double.MAX_VALUE, true);
      return v == null ? null : Distribution.fixed(v);
    }
    if (!(node instanceof YamlNode.Mapping m)) {
      typeError(node, path, "a number or a distribution such as {dist: uniform, min: 1, max: 5}");
      return null;
    }
    if (m.entries().containsKey(RealScale.REAL)) {
      Double v = amount(node, path);
      return v == null ? null : Distribution.fixed(v);
    }
    Fields f = new Fields(m, path);
    Distribution.Kind kind =
        choice(
            f.require("dist"),
            path + ".dist",
            "distribution",
            Distribution.Kind::fromConfigName,
            Arrays.stream(Distribution.Kind.values()).map(Distribution.Kind::configName).toList());
    if (kind == null) {
      return null;
    }
    List<String> keys =
        switch (kind) {
          case FIXED -> List.of("value");
          case UNIFORM -> List.of("min", "max");
          case NORMAL -> List.of("mean", "sd");
          case LOGNORMAL -> List.of("mu", "sigma");
        };
    List<String> allowed = new ArrayList<>(keys);
    allowed.add(0, "dist");
    f.only(allowed);
    Double a = anyReal(f.require(keys.get(0)), path + "." + keys.get(0));
    Double b =
        kind == Distribution.Kind.FIXED
            ? Double.valueOf(0)
            : anyReal(f.require(keys.get(1)), path + "." + keys.get(1));
    if (a == null || b == null) {
      return null;
    }
    if (kind == Distribution.Kind.UNIFORM && b < a) {
      errors.at(f.get("max"), path + ".max", "max " + fmt(b) + " is below min " + fmt(a));
      return null;
    }
    if ((kind == Distribution.Kind.NORMAL || kind == Distribution.Kind.LOGNORMAL) && b < 0) {
      errors.at(f.get(keys.get(1)), path + "." + keys.get(1), "must be >= 0 but is " + fmt(b));
      return null;
    }
    return new Distribution(kind, a, b);
  }

  // ---- shocks ----

  private List<ShockSpec> shocks(YamlNode node, OffsetDateTime start, OffsetDateTime end) {
    List<YamlNode> items = list(node, "shocks");
    if (items == null) {
      return List.of();
    }
    List<ShockSpec> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      ShockSpec s = shock(items.get(i), "shocks[" + i + "]", start, end);
      if (s != null) {
        out.add(s);
        shockTargets.add(
            items.get(i) instanceof YamlNode.Mapping m && m.entries().containsKey("target")
                ? m.entries().get("target").value()
                : null);
      }
    }
    return out;
  }

  private ShockSpec shock(YamlNode node, String path, OffsetDateTime start, OffsetDateTime end) {
    YamlNode.Mapping m = mapping(node, path);
    if (m == null) {
      return null;
    }
    int before = errors.count();
    Fields f = new Fields(m, path);
    ShockType type =
        choice(
            f.require("type"),
            path + ".type",
            "shock type",
            ShockType::fromConfigName,
            Arrays.stream(ShockType.values()).map(ShockType::configName).toList());
    OffsetDateTime at = dateTime(f.require("at"), path + ".at");
    if (at != null && start != null && end != null && (at.isBefore(start) || at.isAfter(end))) {
      errors.at(
          f.get("at"), path + ".at", "must lie within the scenario, from " + start + " to " + end);
    }
    String target = f.has("target") ? symbol(f.get("target"), path + ".target") : null;
    String label = f.has("label") ? text(f.get("label"), path + ".label") : null;
    Map<String, Double> params = new LinkedHashMap<>();
    if (type != null) {
      List<String> allowed = new ArrayList<>(SHOCK_KEYS);
      allowed.addAll(type.keys());
      f.only(allowed);
      if (type.needsTarget() && !f.has("target")) {
        errors.at(
            m, path + ".target", "a " + type.configName() + " shock needs a target instrument");
      }
      for (String p : type.params()) {
        YamlNode value = f.require(p);
        Double v =
            p.equals(Metaorders.DOLLARS)
                ? amount(value, path + "." + p)
                : anyReal(value, path + "." + p);
        if (v != null && type == ShockType.MARGIN_RATE && !(v > 0)) {
          errors.at(m, path + "." + p, "a margin multiplier must be positive, e.g. 1.5");
        } else if (v != null && p.equals("pct") && !ShockBounds.keepsValuePositive(v)) {
          errors.at(
              value, path + "." + p, "must be above -100 (a value cannot fall by all of itself)");
        } else if (v != null && p.equals("minutes") && !(v >= 0 && v <= MAX_SHOCK_MINUTES)) {
          errors.at(
              value,
              path + "." + p,
              "must be in [0, "
                  + MAX_SHOCK_MINUTES
                  + "] (31 days, the longest scenario) but is "
                  + fmt(v));
        } else if (v != null) {
          params.put(p, v);
        }
      }
    }
    if (type == ShockType.METAORDER) {
      metaorder(m, f, path, target, at, end, params);
    }
    if (type == ShockType.EARNINGS) {
      earnings(m, f, path, params);
    }
    List<String> spillover =
        f.has(Spillover.KEY) ? spillover(f.get(Spillover.KEY), path, target) : List.of();
    if (errors.count() > before || type == null || at == null) {
      return null;
    }
    if (label == null) {
      label = target == null ? type.configName() : type.configName() + " " + target;
    }
    String size = ShockBounds.problem(type, params);
    if (size != null) {
      errors.at(m, path, size);
      return null;
    }
    ShockSpec spec = new ShockSpec(type, at, label, target, params, spillover);
    if (type == ShockType.METAORDER && specs.containsKey(target)) {
      String problem = Metaorders.problem(spec, specs.get(target));
      if (problem != null) {
        String key =
            f.has(Metaorders.DOLLARS) ? Metaorders.DOLLARS : Metaorders.PCT_OF_DAILY_VOLUME;
        errors.at(f.get(key), path + "." + key, problem);
        return null;
      }
    }
    return spec;
  }

  /**
   * The parts of a metaorder shock the generic loop does not read: its side, its size (exactly one
   * of dollars or pctOfDailyVolume, positive), a duration above zero that ends within the scenario.
   */
  private void metaorder(
      YamlNode.Mapping m,
      Fields f,
      String path,
      String target,
      OffsetDateTime at,
      OffsetDateTime end,
      Map<String, Double> params) {
    Side side =
        choice(
            f.require(Metaorders.SIDE),
            path + ".side",
            "side",
            ScenarioReader::side,
            List.of("buy", "sell"));
    if (side != null) {
      params.put(Metaorders.SIDE, (double) side.sign());
    }
    boolean dollars = f.has(Metaorders.DOLLARS);
    boolean pct = f.has(Metaorders.PCT_OF_DAILY_VOLUME);
    if (dollars == pct) {
      errors.at(
          m,
          path,
          dollars
              ? "a metaorder has one size: give dollars or pctOfDailyVolume, not both"
              : "a metaorder needs a size: dollars (notional) or pctOfDailyVolume (percent of the"
                  + " instrument's baselineDailyVolume)");
    } else {
      String key = dollars ? Metaorders.DOLLARS : Metaorders.PCT_OF_DAILY_VOLUME;
      Double v = amount(f.get(key), path + "." + key);
      if (v != null && !(v > 0)) {
        errors.at(f.get(key), path + "." + key, "must be above 0 but is " + fmt(v));
      } else if (v != null && pct && v > 1000) {
        errors.at(
            f.get(key),
            path + "." + key,
            "must be at most 1000 (ten days' volume) but is " + fmt(v));
      } else if (v != null) {
        params.put(key, v);
      }
    }
    Double minutes = params.get(Metaorders.MINUTES);
    if (minutes != null && !(minutes > 0)) {
      errors.at(f.get(Metaorders.MINUTES), path + ".minutes", "must be above 0 but is 0");
    } else if (minutes != null
        && at != null
        && end != null
        && at.plusNanos(Math.round(minutes * 60e9)).isAfter(end)) {
      errors.at(
          f.get(Metaorders.MINUTES),
          path + ".minutes",
          "the metaorder would run past the scenario's end ("
              + end
              + "); at most "
              + fmt(Duration.between(at, end).toSeconds() / 60.0)
              + " minutes from "
              + at);
    }
  }

  /**
   * The optional news of an earnings shock: a change of gross margin, a change of revenue with the
   * incremental margin it carried; the operating margin (read by the generic loop) above 0. The
   * re-rating must stay above -100%.
   */
  private void earnings(YamlNode.Mapping m, Fields f, String path, Map<String, Double> params) {
    Double om = params.get(Earnings.OPERATING_MARGIN_PCT);
    if (om != null && !(om > 0 && om <= 100)) {
      errors.at(
          f.get(Earnings.OPERATING_MARGIN_PCT),
          path + "." + Earnings.OPERATING_MARGIN_PCT,
          "must be in (0, 100] (a re-rating of operating earnings needs positive ones) but is "
              + fmt(om));
      params.remove(Earnings.OPERATING_MARGIN_PCT);
    }
    int before = errors.count();
    optionalNews(f, Earnings.GROSS_MARGIN_CHANGE_BP, path, -10_000, true, 10_000, params);
    optionalNews(f, Earnings.REVENUE_CHANGE_PCT, path, -100, false, 1_000, params);
    optionalNews(f, Earnings.INCREMENTAL_MARGIN_PCT, path, -100, true, 100, params);
    if (f.has(Earnings.REVENUE_CHANGE_PCT) && !f.has(Earnings.INCREMENTAL_MARGIN_PCT)) {
      errors.at(
          m,
          path + "." + Earnings.INCREMENTAL_MARGIN_PCT,
          "a revenueChangePct needs the incrementalMarginPct that revenue carried (its gross"
              + " margin, percent)");
    }
    if (!f.has(Earnings.GROSS_MARGIN_CHANGE_BP) && !f.has(Earnings.REVENUE_CHANGE_PCT)) {
      errors.at(
          m,
          path,
          "an earnings shock needs its news: grossMarginChangeBp, revenueChangePct (with"
              + " incrementalMarginPct), or both");
    }
    if (errors.count() == before && params.containsKey(Earnings.OPERATING_MARGIN_PCT)) {
      double pct = Earnings.pct(params);
      if (!ShockBounds.keepsValuePositive(pct)) {
        errors.at(
            m,
            path,
            "the news re-rates the firm by "
                + fmt(Math.round(pct * 100) / 100.0)
                + "% (docs/model.md §12): a value cannot fall by all of itself");
      }
    }
  }

  /** An optional number of an earnings shock's news, kept in {@code params} when present. */
  private void optionalNews(
      Fields f,
      String key,
      String path,
      double lo,
      boolean loIncl,
      double hi,
      Map<String, Double> params) {
    if (f.has(key)) {
      Double v = real(f.get(key), path + "." + key, lo, loIncl, hi, true);
      if (v != null) {
        params.put(key, v);
      }
    }
  }

  /** A shock's spillover: declared factor names, at least one of which its target loads on. */
  private List<String> spillover(YamlNode node, String path, String target) {
    String p = path + "." + Spillover.KEY;
    List<YamlNode> items = list(node, p);
    if (items == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    boolean loads = false;
    for (int i = 0; i < items.size(); i++) {
      String name =
          choice(
              items.get(i),
              p + "[" + i + "]",
              "factor",
              n -> Optional.ofNullable(factorsByName.containsKey(n) ? n : null),
              factorsByName.keySet());
      if (name != null) {
        if (out.contains(name)) {
          errors.at(items.get(i), p + "[" + i + "]", "factor '" + name + "' is listed twice");
        }
        out.add(name);
        loads |= target != null && factorsByName.get(name).loading(target) != 0;
      }
    }
    if (target != null && !out.isEmpty() && !loads) {
      errors.at(
          node,
          p,
          target
              + " loads on none of "
              + out
              + " (factors.<name>.loadings), so its news says nothing about them");
    }
    return out;
  }

  private static Optional<Side> side(String s) {
    return s.equals("buy")
        ? Optional.of(Side.BUY)
        : s.equals("sell") ? Optional.of(Side.SELL) : Optional.empty();
  }

  // ---- typed values: each reports its own error and returns null on failure ----

  private YamlNode.Mapping mapping(YamlNode node, String path) {
    if (node instanceof YamlNode.Mapping m) {
      return m;
    }
    typeError(node, path, "a mapping of keys to values");
    return null;
  }

  private List<YamlNode> list(YamlNode node, String path) {
    if (node == null) {
      return null;
    }
    if (node instanceof YamlNode.Sequence s) {
      return s.items();
    }
    typeError(node, path, "a list");
    return null;
  }

  private String text(YamlNode node, String path) {
    return text(node, path, MAX_TEXT_CHARS);
  }

  private String text(YamlNode node, String path, int maxChars) {
    if (node instanceof YamlNode.Scalar s && !s.isNull()) {
      if (s.text().length() > maxChars) {
        errors.at(
            node,
            path,
            "is " + s.text().length() + " characters long; at most " + maxChars + " are allowed");
        return null;
      }
      return s.text();
    }
    typeError(node, path, "a string");
    return null;
  }

  private String matching(YamlNode node, String path, Pattern pattern, String rule) {
    String s = text(node, path);
    if (s == null) {
      return null;
    }
    if (!pattern.matcher(s).matches()) {
      errors.at(node, path, "'" + Suggestions.shorten(s) + "' is not valid: expected " + rule);
      return null;
    }
    return s;
  }

  /** A scenario instrument's symbol; null (and an error) if it is not one. */
  private String symbol(YamlNode node, String path) {
    String s = text(node, path);
    if (s == null) {
      return null;
    }
    if (!symbols.containsKey(s)) {
      errors.at(node, path, Suggestions.unknown("instrument", s, symbols.keySet()));
      return null;
    }
    return s;
  }

  private <E> E choice(
      YamlNode node,
      String path,
      String what,
      Function<String, Optional<E>> parse,
      Collection<String> names) {
    String s = text(node, path);
    if (s == null) {
      return null;
    }
    Optional<E> e = parse.apply(s);
    if (e.isEmpty()) {
      errors.at(node, path, Suggestions.unknown(what, s, names));
      return null;
    }
    return e.get();
  }

  private OffsetDateTime dateTime(YamlNode node, String path) {
    String s = text(node, path);
    if (s == null) {
      return null;
    }
    try {
      // every time in a file is one the engine can represent, or a located error here
      return engineTime(node, path, OffsetDateTime.parse(s));
    } catch (DateTimeParseException e) {
      errors.at(
          node,
          path,
          "expected an ISO-8601 date-time with offset, like 2025-11-18T09:30:00-05:00, but found '"
              + Suggestions.shorten(s)
              + "'");
      return null;
    }
  }

  /**
   * The time if the engine can simulate it ({@link EngineLimits#EARLIEST_TIME} to {@link
   * EngineLimits#LATEST_TIME}), else null after a located error.
   */
  private OffsetDateTime engineTime(YamlNode node, String path, OffsetDateTime t) {
    if (t == null) {
      return null;
    }
    Instant i = t.toInstant();
    if (i.isBefore(EngineLimits.EARLIEST_TIME) || i.isAfter(EngineLimits.LATEST_TIME)) {
      errors.at(
          node,
          path,
          "must be between "
              + EngineLimits.EARLIEST_TIME
              + " and "
              + EngineLimits.LATEST_TIME
              + " (the times the engine can simulate)");
      return null;
    }
    return t;
  }

  /** A YAML boolean (true or false, unquoted), or null after a located error. */
  private Boolean bool(YamlNode node, String path) {
    if (node instanceof YamlNode.Scalar s) {
      if (s.token() == com.fasterxml.jackson.core.JsonToken.VALUE_TRUE) {
        return Boolean.TRUE;
      }
      if (s.token() == com.fasterxml.jackson.core.JsonToken.VALUE_FALSE) {
        return Boolean.FALSE;
      }
    }
    errors.at(node, path, "expected true or false but found " + node.describe());
    return null;
  }

  private static boolean isNumber(YamlNode.Scalar s) {
    return parseNumber(s.text()) != null;
  }

  /**
   * The scalar's text as an exact decimal, or null. Read from the text, never through double, so
   * 0.01 stays 0.01. Underscores (YAML digit grouping) are allowed; hex, octal, .inf and .nan are
   * not. Magnitudes are capped so no later arithmetic on the value can blow up.
   */
  private static BigDecimal parseNumber(String text) {
    String t = text.replace("_", "");
    if (t.isEmpty() || t.length() > 64) {
      return null;
    }
    char c0 = t.charAt(0);
    if (!(Character.isDigit(c0) || c0 == '-' || c0 == '+' || c0 == '.')) {
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(t);
      if (d.signum() == 0) {
        return BigDecimal.ZERO;
      }
      return d;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A number within (or at) the bounds, at most 18 decimal places and 21 integer digits. */
  private BigDecimal decimal(
      YamlNode node, String path, BigDecimal lo, boolean loIncl, BigDecimal hi, boolean hiIncl) {
    BigDecimal d = number(node, path);
    if (d == null) {
      return null;
    }
    int lc = d.compareTo(lo);
    int hc = d.compareTo(hi);
    if (lc < 0 || (lc == 0 && !loIncl) || hc > 0 || (hc == 0 && !hiIncl)) {
      errors.at(
          node,
          path,
          "must be in "
              + (loIncl ? "[" : "(")
              + lo.toPlainString()
              + ", "
              + hi.toPlainString()
              + (hiIncl ? "]" : ")")
              + " but is "
              + Suggestions.shorten(d.toString()));
      return null;
    }
    return d;
  }

  private BigDecimal number(YamlNode node, String path) {
    if (!(node instanceof YamlNode.Scalar s) || s.isNull()) {
      typeError(node, path, "a number");
      return null;
    }
    BigDecimal d = parseNumber(s.text());
    if (d == null) {
      typeError(node, path, "a number");
      return null;
    }
    if (d.precision() - d.scale() > 21) {
      errors.at(node, path, "the number " + Suggestions.shorten(s.text()) + " is too large");
      return null;
    }
    if (d.stripTrailingZeros().scale() > 18) {
      errors.at(
          node,
          path,
          "the number " + Suggestions.shorten(s.text()) + " has more than 18 decimal places");
      return null;
    }
    return d;
  }

  private Double real(
      YamlNode node, String path, double lo, boolean loIncl, double hi, boolean hiIncl) {
    BigDecimal d =
        decimal(
            node,
            path,
            new BigDecimal(Double.toString(lo)).stripTrailingZeros(),
            loIncl,
            new BigDecimal(Double.toString(hi)).stripTrailingZeros(),
            hiIncl);
    return d == null ? null : d.doubleValue();
  }

  /** Any number the bounds of {@link #number} allow. */
  private Double anyReal(YamlNode node, String path) {
    BigDecimal d = number(node, path);
    return d == null ? null : d.doubleValue();
  }

  private Long integer(YamlNode node, String path, long lo, long hi) {
    BigDecimal d = number(node, path);
    if (d == null) {
      return null;
    }
    if (d.stripTrailingZeros().scale() > 0) {
      errors.at(
          node,
          path,
          "expected a whole number but found " + Suggestions.shorten(d.toPlainString()));
      return null;
    }
    if (d.compareTo(BigDecimal.valueOf(lo)) < 0 || d.compareTo(BigDecimal.valueOf(hi)) > 0) {
      errors.at(
          node,
          path,
          "must be in [" + lo + ", " + hi + "] but is " + Suggestions.shorten(d.toPlainString()));
      return null;
    }
    return d.longValueExact();
  }

  private Double optionalReal(
      Fields f,
      String key,
      String path,
      double lo,
      boolean loIncl,
      double hi,
      boolean hiIncl,
      double def) {
    return f.has(key) ? real(f.get(key), path + "." + key, lo, loIncl, hi, hiIncl) : (Double) def;
  }

  private Long optionalInteger(Fields f, String key, String path, long lo, long hi, long def) {
    return f.has(key) ? integer(f.get(key), path + "." + key, lo, hi) : (Long) def;
  }

  /**
   * Reports a value of the wrong kind. A null node was already reported as missing, and an {@link
   * YamlNode.Invalid} one as what it is, so neither is reported again.
   */
  private void typeError(YamlNode node, String path, String expected) {
    if (node == null || node instanceof YamlNode.Invalid) {
      return;
    }
    errors.at(node, path, "expected " + expected + " but found " + node.describe());
  }

  private static boolean isNull(YamlNode n) {
    return n instanceof YamlNode.Scalar s && s.isNull();
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /**
   * The keys of one mapping. A key with no value ({@code seed:}) counts as absent, so optional keys
   * take their defaults and required ones are reported as missing.
   */
  private final class Fields {
    private final YamlNode.Mapping map;
    private final String path;

    Fields(YamlNode.Mapping map, String path) {
      this.map = map;
      this.path = path;
    }

    /** Reports every key not in {@code known}, at the key. */
    void only(List<String> known) {
      for (YamlNode.Entry e : map.entries().values()) {
        if (!known.contains(e.key())) {
          errors.add(
              e.line(), e.column(), sub(e.key()), Suggestions.unknown("key", e.key(), known));
        }
      }
    }

    boolean has(String key) {
      YamlNode.Entry e = map.entries().get(key);
      return e != null && !isNull(e.value());
    }

    /** The value, or null if absent or empty. */
    YamlNode get(String key) {
      return has(key) ? map.entries().get(key).value() : null;
    }

    /** The value, or null after reporting it missing (at the key, or at the mapping). */
    YamlNode require(String key) {
      YamlNode.Entry e = map.entries().get(key);
      if (e == null) {
        errors.at(map, sub(key), "missing required key '" + key + "'");
        return null;
      }
      if (isNull(e.value())) {
        errors.add(e.line(), e.column(), sub(key), "'" + key + "' needs a value");
        return null;
      }
      return e.value();
    }

    private String sub(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }
  }
}
