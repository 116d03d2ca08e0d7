package dev.cascade.scenario;

import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.Distribution;
import dev.cascade.agents.ParamSpec;
import dev.cascade.kernel.Session;
import dev.cascade.kernel.SessionKind;
import dev.cascade.kernel.Time;
import dev.cascade.market.EngineLimits;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A rough estimate of the heap a run of a scenario needs, from its spec alone, so {@code cascade
 * run} can refuse a run that cannot fit before it starts. It is a sum of per-unit costs, each
 * measured once as the used heap after a full collection before and after resolving or running
 * scenarios of known size (JDK 17, compressed references). It is an estimate, not a bound: it errs
 * high on the shipped scenarios (from about right for calm-day to three times the measured heap of
 * the 2025 episode, whose agents trade less than the trade tape term assumes). docs/performance.md
 * lists the costs.
 *
 * @param booksBytes instruments and their order books (the ladder pages where orders rest)
 * @param agentsBytes agents and their accounts
 * @param recordingBytes what the run records as it goes: one-minute bars, depth samples and the
 *     trade tape
 * @param totalBytes everything, with the JVM's own base
 */
public record RunMemory(long booksBytes, long agentsBytes, long recordingBytes, long totalBytes) {
  /** The JVM, the engine's classes and fixed tables. */
  static final long BASE_BYTES = 64L << 20;

  /** Per instrument, besides its book's ladder: sessions, stops, marks, recorder rows. */
  static final long INSTRUMENT_BYTES = 32L << 10;

  /**
   * Per page of {@value #PAGE_TICKS} ticks that holds orders, on each side of a book: 4,096 level
   * references and their bitset (about 17 KB measured; the sparse ladder allocates pages only where
   * orders rest), and the same again for the chunk directory above them.
   */
  static final long BOOK_BYTES_PER_PAGE = 17_000;

  /** Ticks per ladder page. */
  static final long PAGE_TICKS = 4_096;

  /**
   * The share of the start price within which orders rest at once, each way (assumed: noise and
   * market-maker orders sit within basis points, value investors' curves within a few percent).
   */
  static final double RESTING_RANGE = 0.10;

  /** Per account per instrument of the scenario: the ledger's five per-instrument arrays. */
  static final long ACCOUNT_BYTES_PER_INSTRUMENT = 40;

  /** An agent's own state, by default, and per instrument it trades (its resting orders). */
  static final AgentCost DEFAULT_AGENT = new AgentCost(1_200, 100);

  /**
   * Families whose agents cost notably more (measured), besides what their parameters add (see
   * {@link #paramBytes}): price histories, covariance estimates, option books.
   */
  static final Map<String, AgentCost> AGENTS =
      Map.of(
          "vol-target", new AgentCost(1_500, 500),
          "risk-parity", new AgentCost(1_500, 250),
          "cta", new AgentCost(3_500, 500),
          "options-dealer", new AgentCost(4_000, 100));

  /** A resting order: its node in the book, its index entry, its share of a price level. */
  static final long ORDER_BYTES = 130;

  /** Per line of an options dealer's book (one strike, expiry and type). */
  static final long DEALER_LINE_BYTES = 50;

  /** Per day of a trend follower's price history, per instrument. */
  static final long HISTORY_DAY_BYTES = 8;

  /** One one-minute bar, one depth sample, one trade on the tape. */
  static final long BAR_BYTES = 80;

  static final long DEPTH_SAMPLE_BYTES = 56;
  static final long TRADE_BYTES = 80;

  /**
   * Trades per instrument per minute its session is open, at most: 99 in calm-day.yaml (115,614
   * trades, 3 instruments, 390 minutes), 43 in crypto-liquidation-demo.yaml, 16 in
   * ai-margin-call-2025.yaml; rounded up from the busiest.
   */
  static final double TRADES_PER_INSTRUMENT_MINUTE = 100;

  /**
   * Trades per agent per hour the longest session is open, at most: 228 in calm-day.yaml (78
   * agents, 6.5 hours), 14 in ai-margin-call-2025.yaml, 7 in crypto-liquidation-demo.yaml; rounded
   * up from the busiest.
   */
  static final double TRADES_PER_AGENT_HOUR = 250;

  /** An agent family's cost: bytes per agent, and per instrument the agent trades. */
  record AgentCost(long perAgent, long perInstrument) {}

  /**
   * The estimate for a run.
   *
   * @param without families or groups left out (as {@code cascade run --without}); they cost
   *     nothing
   * @param sampleSeconds the depth sampling period, simulated seconds
   */
  /**
   * A book's ladders: on each side, the pages covering {@link #RESTING_RANGE} of the start price
   * each way (at most the book's range) and one chunk.
   */
  static double bookBytes(long rangeTicks, long startTicks) {
    double resting = Math.min(rangeTicks, 2 * RESTING_RANGE * startTicks);
    double pagesPerSide = Math.ceil(resting / PAGE_TICKS) + 1;
    return 2 * (pagesPerSide + 1) * BOOK_BYTES_PER_PAGE;
  }

  public static RunMemory estimate(
      ScenarioSpec spec, Set<String> without, double sampleSeconds, AgentRegistry registry) {
    Set<String> off = Mechanisms.expand(without);
    int n = spec.instruments().size();
    // In double: a refused scenario may need more bytes than a long holds.
    double books = 0;
    for (InstrumentSpec i : spec.instruments()) {
      long ticks = i.price().divide(i.tick()).longValue();
      books += INSTRUMENT_BYTES + bookBytes(EngineLimits.maxBookPriceTicks(ticks), ticks);
    }
    double agents = 0;
    double count = 0;
    for (AgentGroupSpec g : spec.agents()) {
      if (off.contains(g.family()) || off.contains(g.name())) {
        continue;
      }
      AgentCost c = AGENTS.getOrDefault(g.family(), DEFAULT_AGENT);
      double each =
          c.perAgent()
              + (double) c.perInstrument() * g.instruments().size()
              + (double) ACCOUNT_BYTES_PER_INSTRUMENT * n;
      each += paramBytes(g, registry);
      agents += each * g.count();
      count += g.count();
    }
    // Bars and depth samples are taken while an instrument's session is open; trades are bounded
    // both by the books (per instrument-minute open) and by the agents (per agent-hour open).
    Map<SessionKind, Double> open = openNanos(spec);
    double instrumentMinutes = 0;
    double longest = 0;
    for (InstrumentSpec i : spec.instruments()) {
      instrumentMinutes += open.get(i.session()) / Time.NANOS_PER_MINUTE;
      longest = Math.max(longest, open.get(i.session()));
    }
    double samplesPerMinute = 60 / sampleSeconds;
    double trades =
        Math.min(
            TRADES_PER_INSTRUMENT_MINUTE * instrumentMinutes,
            TRADES_PER_AGENT_HOUR * count * longest / Time.NANOS_PER_HOUR);
    double recording =
        instrumentMinutes * (BAR_BYTES + samplesPerMinute * DEPTH_SAMPLE_BYTES)
            + trades * TRADE_BYTES;
    return new RunMemory(
        bytes(books),
        bytes(agents),
        bytes(recording),
        bytes(BASE_BYTES + books + agents + recording));
  }

  /** Rounded up to whole bytes, at most {@link Long#MAX_VALUE}. */
  private static long bytes(double b) {
    return b >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(b);
  }

  /**
   * What an agent's parameters add, at the largest values they can draw: a market maker's quote
   * ladder (2 x levels resting orders per instrument), resting orders kept open, a trend follower's
   * price history, an options dealer's book.
   */
  private static double paramBytes(AgentGroupSpec g, AgentRegistry registry) {
    AgentFamily f = registry.find(g.family()).orElse(null);
    if (f == null) {
      return 0;
    }
    int n = g.instruments().size();
    double bytes = ORDER_BYTES * highest(g, f, "maxOpenOrders", 0);
    switch (g.family()) {
      case "market-maker":
        bytes += (double) ORDER_BYTES * 2 * highest(g, f, "levels", 0) * n;
        break;
      case "cta":
        bytes += (double) HISTORY_DAY_BYTES * highest(g, f, "lookbackDays", 0) * n;
        break;
      case "options-dealer":
        double strikes = 2 * highest(g, f, "strikesEachSide", 0) + 1;
        bytes += DEALER_LINE_BYTES * 2 * strikes * highest(g, f, "expiries", 1);
        break;
      default:
        break;
    }
    return bytes;
  }

  /** The largest value a parameter of the group can draw, or {@code otherwise} without one. */
  private static double highest(AgentGroupSpec g, AgentFamily f, String name, double otherwise) {
    ParamSpec p = f.param(name);
    if (p == null) {
      return otherwise;
    }
    Distribution d = g.params().getOrDefault(name, p.defaultValue());
    return Math.min(p.max(), Math.max(p.min(), d.upperBound()));
  }

  /** How long each session of the scenario's instruments is open during the run, nanoseconds. */
  private static Map<SessionKind, Double> openNanos(ScenarioSpec spec) {
    long start = Time.ofInstant(spec.start().toInstant());
    long end = Time.ofInstant(spec.end().toInstant());
    Map<SessionKind, Double> out = new EnumMap<>(SessionKind.class);
    for (InstrumentSpec i : spec.instruments()) {
      SessionKind k = i.session();
      if (out.containsKey(k)) {
        continue;
      }
      Session s = Session.of(k);
      long open = 0;
      for (long t = start; t < end; ) {
        long from = s.nextOpen(t);
        if (from >= end) {
          break;
        }
        long to = Math.min(end, s.openUntil(from));
        open += to - from;
        t = to;
      }
      out.put(k, (double) open);
    }
    return out;
  }

  /** Bytes for people: gibibytes with one decimal from 1 GiB ("3.2 GiB"), else mebibytes. */
  public static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%d MiB", (bytes + (1L << 20) - 1) >> 20);
  }

  /** A heap size for {@code -Xmx} that covers {@code bytes} with a quarter to spare, e.g. "12g". */
  public static String xmx(long bytes) {
    double g = Math.ceil(bytes * 1.25 / (1L << 30));
    return Math.max(1, (long) g) + "g";
  }
}
