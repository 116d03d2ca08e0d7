package dev.cascade.scenario;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.Distribution;
import dev.cascade.agents.LeverageEffect;
import dev.cascade.agents.ParamSpec;
import dev.cascade.kernel.SessionKind;
import dev.cascade.market.AssetClass;
import dev.cascade.market.EngineLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The scenario format as a JSON Schema (draft 2020-12), generated from the loader's own key tables
 * ({@link ScenarioReader}), its shock types ({@link ShockType}) and an agent registry (every family
 * with its parameters' defaults, bounds and descriptions), so the published schema cannot say
 * something the loader does not. Published as {@code schema/scenario.schema.json}; {@code cascade
 * schema} prints it.
 *
 * <p>The schema checks each value on its own: keys, types, ranges, enumerations, which keys a shock
 * type or an instrument class takes. What spans values (a price on the tick grid, a symbol that is
 * declared, weights summing to 1, the engine's endowment limit) only {@code cascade validate}
 * checks. Where the two differ the schema is the stricter: a key written with no value, which the
 * loader takes as absent, is a type error here, and a quoted number is a string.
 */
public final class ScenarioSchema {
  /** The JSON Schema dialect the schema declares. */
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  /** Where the schema is published, relative to the repository's root. */
  public static final String PATH = "schema/scenario.schema.json";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** ISO-8601 date-time with an offset, as {@code OffsetDateTime.parse} reads it. */
  private static final String DATE_TIME =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?"
          + "(Z|[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?)$";

  private static final double BILLION = 1e9;

  private final AgentRegistry registry;

  private ScenarioSchema(AgentRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** The schema of scenarios checked against {@code registry}. */
  public static ObjectNode of(AgentRegistry registry) {
    return new ScenarioSchema(registry).build();
  }

  /** The schema as the published file's text: two-space indents, LF line ends, a final newline. */
  public static String text(AgentRegistry registry) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(of(registry)) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode build() {
    ObjectNode root = JSON.objectNode();
    root.put("$schema", DIALECT);
    root.put("title", "Cascade scenario");
    root.put(
        "description",
        "A Cascade scenario file (docs/scenario-format.md). Generated from the loader's key"
            + " tables and the agent registry by `cascade schema`; `cascade validate` also checks"
            + " what spans values (tick grid, declared symbols, basket weights, engine limits).");
    Map<String, ObjectNode> top = new LinkedHashMap<>();
    top.put("name", name("The scenario's name: names its runs."));
    top.put(
        "description",
        string("Free text about the scenario.", ScenarioReader.MAX_DESCRIPTION_CHARS)
            .put("default", ""));
    top.put(
        "seed",
        JSON.objectNode()
            .put("description", "The default random seed (a 64-bit signed integer).")
            .put("type", "integer")
            .put("default", 1));
    top.put("start", dateTime("When the simulation starts; from 1971 to 2200 (engine limit)."));
    top.put(
        "end",
        dateTime(
            "When it ends: after start, at most "
                + ScenarioReader.MAX_SCENARIO_DAYS
                + " days after it."));
    top.put("rules", ref("rules"));
    top.put(
        "instruments",
        JSON.objectNode()
            .put("description", "The instruments traded, each with its own order book.")
            .put("type", "array")
            .put("minItems", 1)
            .put("maxItems", EngineLimits.MAX_INSTRUMENTS)
            .set("items", ref("instrument")));
    top.put(
        "agents",
        JSON.objectNode()
            .put("description", "Groups of agents, each of one family.")
            .put("type", "array")
            .set("items", ref("agentGroup")));
    ObjectNode factors =
        JSON.objectNode()
            .put(
                "description",
                "Common factors of fundamental values, by name: a shock's news about one"
                    + " instrument spills over to those loading on the factors it names.")
            .put("type", "object");
    factors.set("propertyNames", pattern(JSON.objectNode(), ScenarioReader.NAME));
    factors.set("additionalProperties", ref("factor"));
    top.put("factors", factors);
    top.put(
        "shocks",
        JSON.objectNode()
            .put("description", "Events scheduled at fixed times.")
            .put("type", "array")
            .set("items", ref("shock")));
    top.put("episode", ref("episode"));
    object(root, ScenarioReader.TOP_KEYS, top, List.of("name", "start", "end", "instruments"));

    ObjectNode defs = JSON.objectNode();
    defs.set("rules", rules());
    defs.set("instrument", instrument());
    defs.set("agentGroup", agentGroup());
    for (String family : registry.names()) {
      defs.set(paramsDef(family), params(registry.get(family)));
    }
    defs.set(RealScale.REAL, realAmount());
    defs.set("factor", factor());
    defs.set("shock", shock());
    defs.set("episode", episode());
    root.set("$defs", defs);
    return root;
  }

  // ---- sections ----

  private static ObjectNode rules() {
    MarketRulesSpec d = MarketRulesSpec.defaults();
    Map<String, ObjectNode> p = new LinkedHashMap<>();
    p.put(
        "haltReference",
        symbol("The instrument whose fall triggers market-wide halts; none without it."));
    ObjectNode levels =
        JSON.objectNode()
            .put("description", "Halt levels, percent below the reference's start; ascending.")
            .put("type", "array");
    levels.set("items", number(null, 0, false, 100, false));
    levels.set("default", doubles(d.haltLevelsPct()));
    p.put("haltLevelsPct", levels);
    ObjectNode minutes =
        JSON.objectNode()
            .put("description", "Halt length per level, minutes; -1 closes for the day.")
            .put("type", "array");
    ObjectNode minute = JSON.objectNode().put("type", "integer");
    minute.set(
        "anyOf",
        JSON.arrayNode()
            .add(JSON.objectNode().put("const", -1))
            .add(JSON.objectNode().put("minimum", 1).put("maximum", 1440)));
    minutes.set("items", minute);
    ArrayNode dm = JSON.arrayNode();
    d.haltMinutes().forEach(dm::add);
    minutes.set("default", dm);
    p.put("haltMinutes", minutes);
    p.put(
        "haltCutoff",
        pattern(
                JSON.objectNode()
                    .put("description", "No halts after this time of day, New York, \"HH:MM\".")
                    .put("type", "string"),
                ScenarioReader.CLOCK)
            .put("default", d.haltCutoff().toString()));
    p.put(
        "bandPct",
        number("Price band around the recent price, percent; 0 disables bands.", 0, true, 100, true)
            .put("default", d.bandPct()));
    p.put(
        "bandWindowSeconds",
        integer("Window the band's reference price is taken over, seconds.", 1, 86_400)
            .put("default", d.bandWindowSeconds()));
    p.put(
        "bandPauseSeconds",
        integer("Trading pause when a band is hit, seconds.", 1, 86_400)
            .put("default", d.bandPauseSeconds()));
    p.put(
        "takerFeeBps",
        number("Fee paid by the aggressor, bps of notional.", -100, true, 100, true)
            .put("default", d.takerFeeBps()));
    p.put(
        "makerFeeBps",
        number(
                "Fee paid by the resting order, bps of notional; negative is a rebate.",
                -100,
                true,
                100,
                true)
            .put("default", d.makerFeeBps()));
    p.put(
        "marketOrderCollarPct",
        number(
                "Market orders trade no further than this from the best opposite price, percent.",
                0,
                false,
                100,
                true)
            .put("default", d.marketOrderCollarPct()));
    ObjectNode out =
        JSON.objectNode()
            .put("description", "Exchange rules; every key optional, with the defaults shown.");
    return object(out, ScenarioReader.RULE_KEYS, p, List.of());
  }

  private static ObjectNode instrument() {
    Map<String, ObjectNode> p = new LinkedHashMap<>();
    p.put(
        "symbol",
        pattern(
            JSON.objectNode()
                .put("description", "The ticker; unique in the scenario.")
                .put("type", "string"),
            ScenarioReader.SYMBOL));
    p.put(
        "class",
        enumOf(
            "Asset class.",
            Arrays.stream(AssetClass.values()).map(AssetClass::configName).toList()));
    p.put(
        "price",
        number(
            "Start price, currency units: a whole number of ticks (cascade validate checks).",
            0,
            false,
            BILLION,
            true));
    p.put(
        "tick",
        number("Price increment, currency units.", 0, false, BILLION, true).put("default", 0.01));
    p.put("lot", number("Units per lot.", 0, false, BILLION, true).put("default", 1));
    p.put("multiplier", number("Contract multiplier.", 0, false, BILLION, true).put("default", 1));
    p.put(
        "currency",
        pattern(
                JSON.objectNode().put("description", "ISO currency code.").put("type", "string"),
                ScenarioReader.CURRENCY)
            .put("default", "USD"));
    p.put(
        "session",
        enumOf(
            "Trading session; by default us-equity for equity/etf/index, globex for"
                + " treasury/future/metal, crypto-24-7 for crypto/crypto-perp.",
            Arrays.stream(SessionKind.values()).map(SessionKind::configName).toList()));
    p.put(
        "fundamentalVolPct",
        number("Volatility of the fundamental value, annualised percent.", 0, true, 500, true)
            .put("default", 20));
    p.put(
        "baselineDailyVolume",
        integer("Average daily volume, lots; 0 is unknown.", 0, 1_000_000_000_000_000L)
            .put("default", 0));
    p.put(
        RealScale.REAL_DAILY_VOLUME,
        number(
            "The real market's daily dollar volume this instrument stands for; with"
                + " baselineDailyVolume it fixes the market's real scale (docs/model.md §14).",
            0,
            false,
            1e15,
            true));
    p.put(
        "duration",
        number("Duration, years: dV/V = -duration x dr.", 0, true, 100, true).put("default", 0));
    p.put(
        "convexity",
        number("Convexity, years squared: adds convexity x dr^2 / 2.", 0, true, 10_000, true)
            .put("default", 0));
    p.put("yieldPct", number("A bond's starting yield, percent.", -5, true, 50, true));
    ObjectNode basket =
        JSON.objectNode()
            .put(
                "description",
                "An ETF's creation basket: SYMBOL -> weight in (0, 1], summing to 1 within 0.001.")
            .put("type", "object")
            .put("minProperties", 1);
    basket.set("propertyNames", pattern(JSON.objectNode(), ScenarioReader.SYMBOL));
    basket.set("additionalProperties", number(null, 0, false, 1, true));
    p.put("basket", basket);
    p.put(
        "creationUnit",
        integer("Lots per creation or redemption; only with basket.", 1, 1_000_000_000L)
            .put("default", BasketSpec.DEFAULT_CREATION_UNIT));
    p.put(
        "index",
        symbol(
            "Perpetuals only: the spot instrument whose last price is the index (not itself, not"
                + " a perpetual)."));
    p.put(
        "fundingHours",
        number("Perpetuals only: hours between funding payments.", 0.01, true, 24 * 7, true)
            .put("default", PerpetualSpec.DEFAULT_FUNDING_HOURS));
    p.put(
        "fundingCapPct",
        number("Perpetuals only: funding rate cap, percent per interval.", 0, false, 100, true)
            .put("default", PerpetualSpec.DEFAULT_FUNDING_CAP_PCT));
    p.put(
        "dailyLimitPct",
        number(
            "Daily price limit, percent of the previous close either way (Shanghai main board"
                + " 10); orders beyond it are refused, market orders trade no further. None if"
                + " absent.",
            0,
            false,
            100,
            false));
    p.put(
        "vixOf",
        symbol(
            "Futures on a VIX-style index only (class future): the instrument whose options"
                + " dealers' surface gives the index (an options-dealer group must trade it)."));
    p.put("expiry", dateTime("VIX-style futures only: settlement, after the run's end."));
    p.put(
        "meanReversion",
        number("VIX-style futures only: the index's mean reversion, per year.", 0, true, 1000, true)
            .put("default", VolFutureSpec.DEFAULT_KAPPA));
    p.put(
        "longRunMean",
        number("VIX-style futures only: the index's long-run mean, points.", 0, false, 500, true)
            .put("default", VolFutureSpec.DEFAULT_THETA));
    p.put(
        "vegaDemandImpact",
        number(
                "VIX-style futures only: vega pressure on the surface per unit of the dealers'"
                    + " opening vega bought through the futures.",
                0,
                true,
                100,
                true)
            .put("default", VolFutureSpec.DEFAULT_DEMAND_IMPACT));
    Map<String, ObjectNode> lp = new LinkedHashMap<>();
    lp.put(
        "amplitude",
        number(
            "A: a 1% fall raises the next days' variance by about A percent (0: none).",
            0, true, LeverageEffect.MAX_AMPLITUDE, true));
    lp.put(
        "days",
        number(
            "T: trading days over which the effect fades (the memory of the price's average).",
            0,
            false,
            LeverageEffect.MAX_DAYS,
            true));
    lp.put(
        "saturation",
        number(
                "c: the largest change of the log variance either way; h(x) = -c tanh(A x / c).",
                0,
                false,
                LeverageEffect.MAX_SATURATION,
                true)
            .put("default", LeverageEffect.INDEX_SATURATION));
    p.put(
        "leverageEffect",
        object(
            JSON.objectNode()
                .put(
                    "description",
                    "How the news flow's activity answers the instrument's own price: its"
                        + " variance times exp(-c tanh(A x / c)) over its mean, x the log price"
                        + " over its T-day average, so L(tau) = -A exp(-tau / T) for small moves"
                        + " (docs/model.md §4). Default by class: etf and index A 33.6, T 21, c"
                        + " 0.33 (the S&P 500 2000-2020); equity A 2, T 50 (Bouchaud, Matacz and"
                        + " Potters 2001), c 0.33; others none."),
            ScenarioReader.LEVERAGE_EFFECT_KEYS,
            lp,
            List.of("amplitude", "days")));
    ObjectNode out = JSON.objectNode().put("description", "One instrument.");
    object(out, ScenarioReader.INSTRUMENT_KEYS, p, List.of("symbol", "class", "price"));
    ObjectNode dependent = JSON.objectNode();
    dependent.set("creationUnit", JSON.arrayNode().add("basket"));
    for (String k : ScenarioReader.VOL_FUTURE_KEYS) {
      dependent.set(k, JSON.arrayNode().add("vixOf").add("expiry"));
    }
    out.set("dependentRequired", dependent);
    // index and funding keys belong to perpetuals alone.
    ObjectNode notPerp = JSON.objectNode();
    notPerp.set(
        "properties",
        JSON.objectNode()
            .set(
                "class",
                JSON.objectNode()
                    .set(
                        "not",
                        JSON.objectNode().put("const", AssetClass.CRYPTO_PERP.configName()))));
    notPerp.set("required", JSON.arrayNode().add("class"));
    ObjectNode forbidden = JSON.objectNode();
    for (String k : List.of("index", "fundingHours", "fundingCapPct")) {
      forbidden.put(k, false);
    }
    ObjectNode rule = JSON.objectNode();
    rule.set("if", notPerp);
    rule.set("then", JSON.objectNode().set("properties", forbidden));
    out.set("allOf", JSON.arrayNode().add(rule));
    return out;
  }

  private ObjectNode agentGroup() {
    Map<String, ObjectNode> p = new LinkedHashMap<>();
    ObjectNode family = enumOf("The agent family.", registry.names());
    p.put("family", family);
    p.put(
        "name",
        name(
            "The group's name (default: the family's); unique across groups; --without takes it."));
    p.put(
        "count",
        integer("Agents in the group.", 1, ScenarioReader.MAX_GROUP_COUNT).put("default", 1));
    ObjectNode list =
        JSON.objectNode().put("type", "array").put("minItems", 1).put("uniqueItems", true);
    list.set("items", pattern(JSON.objectNode().put("type", "string"), ScenarioReader.SYMBOL));
    ObjectNode instruments =
        JSON.objectNode()
            .put("description", "The instruments the group trades: a list of symbols, or all.")
            .put("default", "all");
    instruments.set("anyOf", JSON.arrayNode().add(JSON.objectNode().put("const", "all")).add(list));
    p.put("instruments", instruments);
    p.put(
        "cash",
        orReal(
                "Cash per agent, currency units, or {real: X} at real scale.",
                decimal(null, BigDecimal.ZERO, ScenarioReader.MAX_CASH))
            .put("default", 0));
    ObjectNode holdings =
        JSON.objectNode()
            .put("description", "Holdings per agent: SYMBOL -> whole lots.")
            .put("type", "object");
    holdings.set("propertyNames", pattern(JSON.objectNode(), ScenarioReader.SYMBOL));
    holdings.set("additionalProperties", orReal(null, integer(null, 0, 1_000_000_000_000L)));
    p.put("holdings", holdings);
    p.put(
        "params",
        JSON.objectNode()
            .put(
                "description",
                "The family's parameters: a number or a distribution {dist: fixed|uniform|normal"
                    + "|lognormal, ...}; every one not given takes its default.")
            .put("type", "object"));
    ObjectNode out = JSON.objectNode().put("description", "A group of agents of one family.");
    object(out, ScenarioReader.AGENT_KEYS, p, List.of("family"));
    ArrayNode rules = JSON.arrayNode();
    for (String f : registry.names()) {
      rules.add(when("family", f, JSON.objectNode().set("properties", paramsOf(f))));
    }
    out.set("allOf", rules);
    return out;
  }

  private static ObjectNode paramsOf(String family) {
    return JSON.objectNode().set("params", ref(paramsDef(family)));
  }

  private static String paramsDef(String family) {
    return "params-" + family;
  }

  private static ObjectNode params(AgentFamily family) {
    Map<String, ObjectNode> p = new LinkedHashMap<>();
    for (ParamSpec s : family.params()) {
      p.put(s.name(), param(s));
    }
    ObjectNode out =
        JSON.objectNode().put("description", family.name() + ": " + family.description());
    return object(out, family.params().stream().map(ParamSpec::name).toList(), p, List.of());
  }

  /**
   * One parameter: a number in its range, or a distribution every draw of which lies in it (for
   * normal and lognormal, unbounded, the mean or the median: {@link ParamSpec#check}).
   */
  private static ObjectNode param(ParamSpec s) {
    ObjectNode out = JSON.objectNode().put("description", s.description());
    out.set("default", distribution(s.defaultValue()));
    ObjectNode plain =
        s.integer()
            ? JSON.objectNode().put("type", "integer")
            : JSON.objectNode().put("type", "number");
    bounds(plain, s.min(), s.max());
    ArrayNode any = JSON.arrayNode().add(plain);
    any.add(dist("fixed", Map.of("value", ranged(s.min(), s.max())), List.of("value")));
    any.add(
        dist(
            "uniform",
            Map.of("min", ranged(s.min(), s.max()), "max", ranged(s.min(), s.max())),
            List.of("min", "max")));
    ObjectNode sd = JSON.objectNode().put("type", "number").put("minimum", 0);
    any.add(
        dist("normal", Map.of("mean", ranged(s.min(), s.max()), "sd", sd), List.of("mean", "sd")));
    // The median exp(mu) must lie in [min, max]: mu in [ln min, ln max].
    double muLo = s.min() > 0 ? StrictMath.log(s.min()) : Double.NEGATIVE_INFINITY;
    double muHi = s.max() > 0 ? StrictMath.log(s.max()) : Double.NaN;
    if (!Double.isNaN(muHi)) {
      any.add(
          dist(
              "lognormal",
              Map.of("mu", ranged(muLo, muHi), "sigma", sd.deepCopy()),
              List.of("mu", "sigma")));
    }
    any.add(ref(RealScale.REAL));
    out.set("anyOf", any);
    return out;
  }

  /** A size written {@code {real: X}}: X at real scale, divided by the market's scale. */
  private static ObjectNode realAmount() {
    ObjectNode out =
        JSON.objectNode()
            .put(
                "description",
                "A size at real scale: X real dollars (or lots), divided when read by the real"
                    + " dollars one simulated dollar stands for (the instruments'"
                    + " realDailyVolume, docs/model.md §14).")
            .put("type", "object");
    ObjectNode props = JSON.objectNode();
    props.set(RealScale.REAL, JSON.objectNode().put("type", "number"));
    out.set("properties", props);
    out.set("required", JSON.arrayNode().add(RealScale.REAL));
    out.put("additionalProperties", false);
    return out;
  }

  /** A plain value, or {@code {real: X}}. */
  private static ObjectNode orReal(String description, ObjectNode plain) {
    ObjectNode out = JSON.objectNode();
    if (description != null) {
      out.put("description", description);
    }
    out.set("anyOf", JSON.arrayNode().add(plain).add(ref(RealScale.REAL)));
    return out;
  }

  private static ObjectNode ranged(double lo, double hi) {
    ObjectNode n = JSON.objectNode().put("type", "number");
    bounds(n, lo, hi);
    return n;
  }

  private static void bounds(ObjectNode n, double lo, double hi) {
    if (Double.isFinite(lo) && lo > -Double.MAX_VALUE) {
      putNumber(n, "minimum", lo);
    }
    if (Double.isFinite(hi) && hi < Double.MAX_VALUE) {
      putNumber(n, "maximum", hi);
    }
  }

  private static ObjectNode dist(String kind, Map<String, ObjectNode> keys, List<String> order) {
    ObjectNode out = JSON.objectNode().put("type", "object");
    ObjectNode props = JSON.objectNode();
    props.set("dist", JSON.objectNode().put("const", kind));
    for (String k : order) {
      props.set(k, keys.get(k));
    }
    out.set("properties", props);
    ArrayNode required = JSON.arrayNode().add("dist");
    order.forEach(required::add);
    out.set("required", required);
    out.put("additionalProperties", false);
    return out;
  }

  private static com.fasterxml.jackson.databind.JsonNode distribution(Distribution d) {
    if (d.kind() == Distribution.Kind.FIXED) {
      return numberNode(d.a());
    }
    ObjectNode o = JSON.objectNode().put("dist", d.kind().configName());
    String[] names =
        switch (d.kind()) {
          case UNIFORM -> new String[] {"min", "max"};
          case NORMAL -> new String[] {"mean", "sd"};
          case LOGNORMAL -> new String[] {"mu", "sigma"};
          case FIXED -> throw new AssertionError();
        };
    o.set(names[0], numberNode(d.a()));
    o.set(names[1], numberNode(d.b()));
    return o;
  }

  private static ObjectNode factor() {
    Map<String, ObjectNode> p = new LinkedHashMap<>();
    p.put(
        "volPct",
        number(
            "The factor's annualised volatility, percent.",
            0,
            false,
            ScenarioReader.MAX_FACTOR_VOL_PCT,
            true));
    p.put(
        "loadings",
        bySymbol(
            "Each instrument's loading (beta) on the factor; not an ETF with a basket or an"
                + " indexed perpetual (their values follow others'). Per instrument, the sum of"
                + " loading^2 x volPct^2 over factors must not exceed fundamentalVolPct^2.",
            number(null, -ScenarioReader.MAX_LOADING, true, ScenarioReader.MAX_LOADING, true)));
    p.put(
        "walk",
        JSON.objectNode()
            .put("type", "boolean")
            .put(
                "description",
                "Whether the factor also drives the loaded instruments' calm value walks (they"
                    + " share its one-second draws, so they co-move with correlation"
                    + " loading x volPct / fundamentalVolPct for each); false: it carries the"
                    + " spillover of news only.")
            .put("default", true));
    ObjectNode out = JSON.objectNode().put("description", "A common factor of values.");
    return object(out, ScenarioReader.FACTOR_KEYS, p, List.of("volPct", "loadings"));
  }

  private static ObjectNode shock() {
    Map<String, ObjectNode> p = new LinkedHashMap<>();
    p.put(
        "type",
        enumOf(
            "The kind of shock.",
            Arrays.stream(ShockType.values()).map(ShockType::configName).toList()));
    p.put("at", dateTime("When the shock happens: within [start, end]."));
    p.put(
        "target",
        symbol(
            "The instrument it applies to; required for fundamental, earnings, flow, margin-rate and"
                + " metaorder."));
    p.put(
        "label",
        string(
            "A name for the shock in outputs (default: type and target).",
            ScenarioReader.MAX_TEXT_CHARS));
    ObjectNode out = JSON.objectNode().put("description", "One scheduled shock.");
    object(out, ScenarioReader.SHOCK_KEYS, p, List.of("type", "at"));
    // The common keys are declared; each type adds its own and closes the mapping.
    out.remove("additionalProperties");
    ArrayNode rules = JSON.arrayNode();
    for (ShockType t : ShockType.values()) {
      rules.add(when("type", t.configName(), shockKeys(t)));
    }
    out.set("allOf", rules);
    return out;
  }

  private static ObjectNode shockKeys(ShockType t) {
    ObjectNode then = JSON.objectNode();
    ObjectNode props = JSON.objectNode();
    for (String k : ScenarioReader.SHOCK_KEYS) {
      props.put(k, true);
    }
    for (String k : t.keys()) {
      props.set(k, shockParam(t, k));
    }
    then.set("properties", props);
    then.put("additionalProperties", false);
    ArrayNode required = JSON.arrayNode();
    t.params().forEach(required::add);
    if (t.needsTarget()) {
      required.add("target");
    }
    if (t == ShockType.METAORDER) {
      required.add(Metaorders.SIDE);
      ArrayNode oneOf = JSON.arrayNode();
      for (String size : List.of(Metaorders.DOLLARS, Metaorders.PCT_OF_DAILY_VOLUME)) {
        oneOf.add(JSON.objectNode().set("required", JSON.arrayNode().add(size)));
      }
      then.set("oneOf", oneOf);
    }
    then.set("required", required);
    return then;
  }

  private static ObjectNode shockParam(ShockType t, String key) {
    return switch (key) {
      case "pct" -> atLeast("Jump of the target's fundamental value, percent.", -100, false);
      case "spreadMultiplier" -> anyNumber("Market makers' spreads are multiplied by this.");
      case "depthMultiplier" -> anyNumber("Market makers quote this share of their size.");
      case "minutes" ->
          t == ShockType.METAORDER
              ? number(
                  "How long the metaorder is worked, minutes; ends by the scenario's end.",
                  0,
                  false,
                  ScenarioReader.MAX_SHOCK_MINUTES,
                  true)
              : number(
                  "How long it lasts, minutes.", 0, true, ScenarioReader.MAX_SHOCK_MINUTES, true);
      case "bp" -> anyNumber("Move of the discount rate, basis points.");
      case Spillover.KEY -> {
        ObjectNode a =
            JSON.objectNode()
                .put(
                    "description",
                    "Factors (names in factors) the news is also about: every instrument loading"
                        + " on them moves by the projection rule (docs/model.md §12).")
                .put("type", "array")
                .put("uniqueItems", true);
        a.set("items", name("A factor's name."));
        yield a;
      }
      case Earnings.OPERATING_MARGIN_PCT ->
          number("The firm's operating margin, percent.", 0, false, 100, true);
      case Earnings.GROSS_MARGIN_CHANGE_BP ->
          number("Reported change of the gross margin, basis points.", -10_000, true, 10_000, true);
      case Earnings.REVENUE_CHANGE_PCT ->
          number("Reported change of revenue, percent.", -100, false, 1_000, true);
      case Earnings.INCREMENTAL_MARGIN_PCT ->
          number(
              "The gross margin the changed revenue carried, percent; needed with"
                  + " revenueChangePct.",
              -100,
              true,
              100,
              true);
      case Inflation.SURPRISE_PP -> anyNumber("The print less its expectation, percentage points.");
      case Inflation.BP_PER_PP ->
          anyNumber("Basis points of yield per percentage point of surprise.");
      case "probabilityChangePct" ->
          anyNumber("Change of the probability of a rate cut, percentage points.");
      case "cutBp" -> anyNumber("Size of the rate cut, basis points.");
      case "dollars" ->
          t == ShockType.METAORDER
              ? orReal(
                  "Notional, currency units at the stated price, or {real: X} at real scale.",
                  atLeast(null, 0, false))
              : orReal(
                  "Investor flow into the fund, currency units (negative is an outflow), or"
                      + " {real: X} at real scale.",
                  anyNumber(null));
      case "multiplier" -> atLeast("Margin rates are multiplied by this.", 0, false);
      case Metaorders.SIDE -> enumOf("Buy or sell.", List.of("buy", "sell"));
      case Metaorders.PCT_OF_DAILY_VOLUME ->
          number("Size, percent of the instrument's baselineDailyVolume.", 0, false, 1000, true);
      default ->
          throw new IllegalStateException(
              "no schema for the " + t.configName() + " shock's key '" + key + "'");
    };
  }

  private static ObjectNode episode() {
    Map<String, ObjectNode> p = new LinkedHashMap<>();
    p.put("source", string("Where the observed figures come from.", ScenarioReader.MAX_TEXT_CHARS));
    p.put("from", dateTime("The time changes are measured from: in [start, end)."));
    Map<String, ObjectNode> obs = new LinkedHashMap<>();
    obs.put("price", number("Last price, currency units.", 0, false, BILLION, true));
    obs.put("changePct", number("Change over the episode, percent.", -100, true, 10_000, true));
    obs.put(
        "relativeVolume", number("Volume relative to its 30-day average.", 0, true, 1000, true));
    p.put(
        "observed",
        bySymbol(
            "Observed figures per instrument.",
            object(JSON.objectNode(), ScenarioReader.OBSERVED_KEYS, obs, List.of())));
    p.put("index", symbol("An instrument with a basket: its move is split by sector."));
    ObjectNode sectors =
        JSON.objectNode().put("description", "Sector name -> its symbols.").put("type", "object");
    ObjectNode members = JSON.objectNode().put("type", "array");
    members.set("items", pattern(JSON.objectNode().put("type", "string"), ScenarioReader.SYMBOL));
    sectors.set("additionalProperties", members);
    p.put("sectors", sectors);
    Map<String, ObjectNode> lv = new LinkedHashMap<>();
    lv.put("ma100", number("100-day moving average.", 0, false, BILLION, true));
    lv.put("ma200", number("200-day moving average.", 0, false, BILLION, true));
    lv.put("fibHigh", number("Swing high (with fibLow).", 0, false, BILLION, true));
    lv.put("fibLow", number("Swing low (with fibHigh).", 0, false, BILLION, true));
    lv.put("roundStep", number("Spacing of round numbers.", 0, false, BILLION, true));
    ObjectNode level = object(JSON.objectNode(), ScenarioReader.LEVEL_KEYS, lv, List.of());
    ObjectNode dependent = JSON.objectNode();
    dependent.set("fibHigh", JSON.arrayNode().add("fibLow"));
    dependent.set("fibLow", JSON.arrayNode().add("fibHigh"));
    level.set("dependentRequired", dependent);
    p.put("levels", bySymbol("Levels desks watch, per instrument, currency units.", level));
    ObjectNode out = JSON.objectNode().put("description", "The episode the scenario reproduces.");
    return object(out, ScenarioReader.EPISODE_KEYS, p, List.of());
  }

  // ---- building blocks ----

  /**
   * Makes {@code node} a closed object whose properties are {@code keys}, in that order, each
   * described in {@code described}; a key of the loader without a description is a bug here.
   */
  private static ObjectNode object(
      ObjectNode node,
      List<String> keys,
      Map<String, ObjectNode> described,
      List<String> required) {
    node.put("type", "object");
    ObjectNode props = JSON.objectNode();
    for (String k : keys) {
      ObjectNode v = described.get(k);
      if (v == null) {
        throw new IllegalStateException(
            "the loader accepts '" + k + "' but the schema has no entry for it");
      }
      props.set(k, v);
    }
    for (String k : described.keySet()) {
      if (!keys.contains(k)) {
        throw new IllegalStateException(
            "the schema describes '" + k + "' but the loader refuses it");
      }
    }
    node.set("properties", props);
    if (!required.isEmpty()) {
      ArrayNode r = JSON.arrayNode();
      required.forEach(r::add);
      node.set("required", r);
    }
    node.put("additionalProperties", false);
    return node;
  }

  /** {@code if: {key: const value}, then: then}. */
  private static ObjectNode when(String key, String value, ObjectNode then) {
    ObjectNode cond = JSON.objectNode();
    cond.set("properties", JSON.objectNode().set(key, JSON.objectNode().put("const", value)));
    cond.set("required", JSON.arrayNode().add(key));
    ObjectNode rule = JSON.objectNode();
    rule.set("if", cond);
    rule.set("then", then);
    return rule;
  }

  private static ObjectNode bySymbol(String description, ObjectNode value) {
    ObjectNode n = JSON.objectNode().put("description", description).put("type", "object");
    n.set("propertyNames", pattern(JSON.objectNode(), ScenarioReader.SYMBOL));
    n.set("additionalProperties", value);
    return n;
  }

  private static ObjectNode ref(String def) {
    return JSON.objectNode().put("$ref", "#/$defs/" + def);
  }

  private static ObjectNode name(String description) {
    return pattern(
        JSON.objectNode().put("description", description).put("type", "string"),
        ScenarioReader.NAME);
  }

  private static ObjectNode symbol(String description) {
    return pattern(
        JSON.objectNode().put("description", description).put("type", "string"),
        ScenarioReader.SYMBOL);
  }

  private static ObjectNode string(String description, int maxLength) {
    return JSON.objectNode()
        .put("description", description)
        .put("type", "string")
        .put("maxLength", maxLength);
  }

  private static ObjectNode dateTime(String description) {
    return JSON.objectNode()
        .put("description", description + " ISO-8601 with offset, e.g. 2025-11-18T09:30:00-05:00.")
        .put("type", "string")
        .put("pattern", DATE_TIME);
  }

  /** The loader's patterns match whole values; a JSON Schema pattern matches anywhere. */
  private static ObjectNode pattern(ObjectNode n, Pattern p) {
    return n.put("pattern", "^" + p.pattern() + "$");
  }

  private static ObjectNode enumOf(String description, List<String> values) {
    ObjectNode n = JSON.objectNode().put("description", description).put("type", "string");
    ArrayNode a = JSON.arrayNode();
    values.forEach(a::add);
    n.set("enum", a);
    return n;
  }

  private static ObjectNode integer(String description, long lo, long hi) {
    ObjectNode n = JSON.objectNode();
    if (description != null) {
      n.put("description", description);
    }
    return n.put("type", "integer").put("minimum", lo).put("maximum", hi);
  }

  private static ObjectNode decimal(String description, BigDecimal lo, BigDecimal hi) {
    ObjectNode n = JSON.objectNode();
    if (description != null) {
      n.put("description", description);
    }
    return n.put("type", "number").put("minimum", lo).put("maximum", hi);
  }

  /** Any number. */
  private static ObjectNode anyNumber(String description) {
    ObjectNode n = JSON.objectNode();
    if (description != null) {
      n.put("description", description);
    }
    return n.put("type", "number");
  }

  /** A number above (or at) {@code lo}, with no upper bound. */
  private static ObjectNode atLeast(String description, double lo, boolean loIncl) {
    ObjectNode n = anyNumber(description);
    putNumber(n, loIncl ? "minimum" : "exclusiveMinimum", lo);
    return n;
  }

  private static ObjectNode number(
      String description, double lo, boolean loIncl, double hi, boolean hiIncl) {
    ObjectNode n = anyNumber(description);
    putNumber(n, loIncl ? "minimum" : "exclusiveMinimum", lo);
    putNumber(n, hiIncl ? "maximum" : "exclusiveMaximum", hi);
    return n;
  }

  private static ArrayNode doubles(List<Double> values) {
    ArrayNode a = JSON.arrayNode();
    values.forEach(v -> a.add(numberNode(v)));
    return a;
  }

  private static void putNumber(ObjectNode n, String key, double v) {
    n.set(key, numberNode(v));
  }

  /** Whole values as integers (1000, not 1000.0), so the file reads as a person writes. */
  private static com.fasterxml.jackson.databind.JsonNode numberNode(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return JSON.numberNode((long) v);
    }
    return JSON.numberNode(v);
  }
}
