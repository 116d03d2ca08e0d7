package dev.cascade.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.CauseChains;
import dev.cascade.analytics.CauseTable;
import dev.cascade.cause.CauseKind;
import dev.cascade.derivatives.DealerReport;
import dev.cascade.kernel.Time;
import dev.cascade.margin.PrimeBroker;
import dev.cascade.market.Instrument;
import dev.cascade.market.OrderBook;
import dev.cascade.market.Side;
import dev.cascade.record.CauseFlowRecorder;
import dev.cascade.scenario.Simulation;
import java.util.List;

/**
 * Writes the state of a simulation as one snapshot (JSON text), on the simulation's own thread
 * between two slices of simulated time, so it reads a consistent state and only reads it: nothing
 * it calls changes the run (its tape hash is the same as without it, tested). Layout in
 * docs/api.md.
 */
final class SnapshotWriter {
  /** Price levels of each side sent per instrument. */
  static final int LEVELS = 5;

  /** Chains sent, the largest first. */
  static final int CHAINS = 5;

  /** Cause chains are summed at most this often (they cost a pass over every cause), wall ns. */
  private static final long CHAINS_EVERY_NANOS = 2_000_000_000L;

  private final ObjectMapper json;
  private final Simulation sim;
  private final MechanismFlow flow;
  private final CauseFlowRecorder causeFlow;
  private final long[] prices = new long[LEVELS];
  private final long[] sizes = new long[LEVELS];
  private ArrayNode chains;
  private long chainsAt = Long.MIN_VALUE;

  SnapshotWriter(ObjectMapper json, Simulation sim) {
    this.json = json;
    this.sim = sim;
    this.flow = new MechanismFlow(sim.causes());
    this.causeFlow = new CauseFlowRecorder();
    this.chains = json.createArrayNode();
    sim.addListener(flow);
    sim.addListener(causeFlow);
  }

  /** The snapshot at simulated time {@code t}, numbered {@code seq}. */
  String write(long seq, long t, String state, boolean finalSnapshot) {
    ObjectNode s = json.createObjectNode();
    s.put("seq", seq);
    s.put("state", state);
    s.put("time", Time.format(t));
    s.put("timeNanos", t);
    long span = Math.max(1, sim.endNanos() - sim.startNanos());
    s.put("progress", Math.min(1.0, Math.max(0.0, (double) (t - sim.startNanos()) / span)));
    s.put("events", sim.events());
    instruments(s.putArray("instruments"));
    ObjectNode f = s.putObject("forcedFlow");
    for (CauseKind k : CauseKind.values()) {
      if (k.forced() && (flow.sold(k) > 0 || flow.bought(k) > 0)) {
        ObjectNode m = f.putObject(k.label());
        m.put("sold", Math.round(flow.sold(k)));
        m.put("bought", Math.round(flow.bought(k)));
      }
    }
    margin(s);
    dealers(s);
    long now = System.nanoTime();
    if (finalSnapshot || now - chainsAt >= CHAINS_EVERY_NANOS) {
      chains = chains();
      chainsAt = now;
    }
    s.set("chains", chains);
    return s.toString();
  }

  private void instruments(ArrayNode out) {
    for (Instrument ins : sim.instruments()) {
      int i = ins.id();
      OrderBook book = sim.exchange().book(i);
      ObjectNode o = out.addObject();
      o.put("symbol", ins.symbol());
      long last = sim.exchange().lastPrice(i);
      putPrice(o, "last", ins, last);
      putPrice(o, "bid", ins, book.bestBid());
      putPrice(o, "ask", ins, book.bestAsk());
      o.set("bids", levels(ins, book, Side.BUY));
      o.set("asks", levels(ins, book, Side.SELL));
      o.put("bidDepth", book.depthWithin(Side.BUY, LEVELS));
      o.put("askDepth", book.depthWithin(Side.SELL, LEVELS));
      o.put("volume", sim.exchange().volume(i));
      o.put("halted", sim.exchange().haltedUntil(i) > sim.clock().now());
    }
  }

  private ArrayNode levels(Instrument ins, OrderBook book, Side side) {
    ArrayNode a = json.createArrayNode();
    int n = book.depth(side, prices, sizes);
    for (int k = 0; k < n; k++) {
      a.addArray().add(onTick(ins, prices[k])).add(sizes[k]);
    }
    return a;
  }

  private static void putPrice(ObjectNode o, String name, Instrument ins, long ticks) {
    if (ticks != OrderBook.NO_PRICE && ticks > 0) {
      o.put(name, onTick(ins, ticks));
    } else {
      o.putNull(name);
    }
  }

  /** The price of {@code ticks} rounded to its tick's decimals (660.05, not 660.0500000000001). */
  private static double onTick(Instrument ins, long ticks) {
    return java.math.BigDecimal.valueOf(ins.price(ticks))
        .setScale(
            Math.max(0, ins.tickSize().stripTrailingZeros().scale()),
            java.math.RoundingMode.HALF_EVEN)
        .doubleValue();
  }

  private void margin(ObjectNode s) {
    int calls = 0;
    long callAmount = 0;
    int liquidationOrders = 0;
    int accountsLiquidated = 0;
    for (PrimeBroker b : sim.world().brokers()) {
      calls += b.calls().size();
      callAmount += b.callAmount();
      liquidationOrders += b.liquidationOrders();
      accountsLiquidated += b.accountsLiquidated();
    }
    s.put("marginCalls", calls);
    s.put(
        "marginCallAmount",
        Math.round(callAmount / (double) Instrument.CASH_UNITS_PER_CURRENCY_UNIT));
    s.put("liquidationOrders", liquidationOrders);
    s.put("accountsLiquidated", accountsLiquidated);
  }

  private void dealers(ObjectNode s) {
    ArrayNode out = s.putArray("dealers");
    // Before the options market's first sample (at the start time) reading its reports would take
    // that sample early; after it, reading changes nothing.
    if (sim.world().options().vixSamples().isEmpty()) {
      return;
    }
    List<DealerReport> reports = sim.world().options().reports();
    for (DealerReport r : reports) {
      ObjectNode d = out.addObject();
      d.put("underlying", r.underlying());
      d.put("netGammaPer1Pct", Math.round(r.netGammaEnd()));
      if (Double.isFinite(r.flipEnd())) {
        d.put("flip", Math.round(r.flipEnd() * 100) / 100.0);
      } else {
        d.putNull("flip");
      }
      d.put("spot", r.spotEnd());
      d.put("vix", Math.round(r.vixEnd() * 1000) / 1000.0);
    }
  }

  private ArrayNode chains() {
    ArrayNode out = json.createArrayNode();
    CauseChains.Report report =
        CauseChains.analyze(CauseTable.of(sim.causes(), sim.world().agentIds()), causeFlow.flow());
    List<CauseChains.Chain> shocks =
        report.shocks().stream()
            .sorted((a, b) -> Long.compare(b.aggressiveLots(), a.aggressiveLots()))
            .limit(CHAINS)
            .toList();
    for (CauseChains.Chain c : shocks) {
      ObjectNode o = out.addObject();
      o.put("label", c.label());
      o.put("time", Time.format(c.time()));
      o.put("lots", c.aggressiveLots());
      ArrayNode steps = o.putArray("steps");
      for (CauseChains.Step st : c.steps()) {
        if (st.aggressiveLots() == 0 && st.depth() > 1) {
          continue;
        }
        ObjectNode so = steps.addObject();
        so.put("path", st.path());
        so.put("lots", st.aggressiveLots());
        so.put("notional", Math.round(st.notional()));
      }
    }
    return out;
  }
}
