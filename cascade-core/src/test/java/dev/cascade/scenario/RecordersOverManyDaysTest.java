package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.Distribution;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.kernel.Scheduler;
import dev.cascade.kernel.SessionKind;
import dev.cascade.kernel.Time;
import dev.cascade.market.AssetClass;
import dev.cascade.market.Exchange;
import dev.cascade.market.Instrument;
import dev.cascade.record.Bar;
import dev.cascade.record.CauseFlowRecorder;
import dev.cascade.record.MarketRecorder;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The recorders of a run stream what they record: a run three trading days long leaves them holding
 * exactly what a one-day run does, while their sinks receive three days of bars and samples.
 */
class RecordersOverManyDaysTest {

  /** What one run handed to the sink and what its recorders still hold at the end. */
  private record Recorded(
      List<Bar> bars, long depthSamples, long recorderSlots, long flowSlots, int causes) {}

  @Test
  void recordersHoldNoMoreAfterThreeDaysThanAfterOne() {
    Recorded one = run(1);
    Recorded three = run(3);

    assertThat(three.bars().size()).as("bars streamed").isGreaterThan(2 * one.bars().size());
    assertThat(three.depthSamples()).as("samples streamed").isGreaterThan(2 * one.depthSamples());
    assertThat(three.recorderSlots())
        .as("slots held by the market recorder")
        .isEqualTo(one.recorderSlots());
    assertThat(three.flowSlots()).as("slots held by the cause flow").isEqualTo(one.flowSlots());
    assertThat(three.causes()).as("causes of a calm market").isEqualTo(one.causes());
  }

  @Test
  void streamedBarsComeInTimeOrderAndTheSummaryMatchesAScanOverThem() {
    Simulation sim = resolve(2);
    List<Bar> bars = new ArrayList<>();
    MarketRecorder rec = new MarketRecorder(sim.exchange(), sim.clock(), 60);
    rec.streamTo(
        new MarketRecorder.Sink() {
          @Override
          public void bar(Bar b) {
            bars.add(b);
          }
        });
    for (Instrument i : sim.instruments()) {
      rec.trackLevels(i.id());
    }
    sim.addListener(rec);
    rec.start();
    sim.run(Time.NANOS_PER_HOUR, (t, e) -> {});
    rec.finish();

    for (int k = 1; k < bars.size(); k++) {
      Bar a = bars.get(k - 1);
      Bar b = bars.get(k);
      assertThat(
              a.startNanos() < b.startNanos()
                  || (a.startNanos() == b.startNanos() && a.instrument() < b.instrument()))
          .as("bar %d after bar %d", k, k - 1)
          .isTrue();
    }
    for (Instrument ins : sim.instruments()) {
      int i = ins.id();
      List<Bar> own = bars.stream().filter(b -> b.instrument() == i).toList();
      assertThat(own.stream().mapToLong(Bar::volume).sum()).isEqualTo(rec.volume(i));
      assertThat(rec.realizedVol(i)).isEqualTo(realizedVolOf(own, ins));
      double lo = ins.price(rec.low(i));
      double hi = ins.price(rec.high(i));
      double start = ins.referencePrice();
      for (int k = -2; k <= 42; k++) {
        double level = lo + (hi - lo) * k / 40.0;
        boolean fromAbove = start > level;
        assertThat(rec.firstBarReaching(i, level, fromAbove))
            .as("%s level %s", ins.symbol(), level)
            .isEqualTo(firstBarReaching(own, ins, level, fromAbove));
      }
    }
  }

  private static Recorded run(int days) {
    Simulation sim = resolve(days);
    List<Bar> bars = new ArrayList<>();
    long[] samples = new long[1];
    MarketRecorder rec = MarketRecorder.of(sim, 5);
    rec.streamTo(
        new MarketRecorder.Sink() {
          @Override
          public void bar(Bar b) {
            bars.add(b);
          }

          @Override
          public void depth(MarketRecorder.DepthSample s) {
            samples[0]++;
          }
        });
    CauseFlowRecorder flow = new CauseFlowRecorder();
    sim.addListener(rec);
    sim.addListener(flow);
    rec.start();
    sim.run(Time.NANOS_PER_HOUR, (t, e) -> {});
    rec.finish();
    return new Recorded(bars, samples[0], slots(rec), slots(flow), sim.causes().size());
  }

  /**
   * Array elements, collection and map entries and objects reachable from {@code root}, not going
   * into the exchange, the clock or the sink the recorder was given (which it does not own).
   */
  static long slots(Object root) {
    Set<Class<?>> notOwned = Set.of(Exchange.class, Scheduler.class, MarketRecorder.Sink.class);
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    Deque<Object> todo = new ArrayDeque<>();
    todo.push(root);
    long slots = 0;
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (seen.put(o, Boolean.TRUE) != null) {
        continue;
      }
      slots++;
      Class<?> c = o.getClass();
      if (c.isArray()) {
        int n = Array.getLength(o);
        slots += n;
        if (!c.getComponentType().isPrimitive()) {
          for (int k = 0; k < n; k++) {
            push(todo, Array.get(o, k), notOwned);
          }
        }
      } else if (o instanceof Collection<?> col) {
        slots += col.size();
        col.forEach(e -> push(todo, e, notOwned));
      } else if (o instanceof Map<?, ?> m) {
        slots += m.size();
        m.forEach(
            (k, v) -> {
              push(todo, k, notOwned);
              push(todo, v, notOwned);
            });
      } else if (!c.getName().startsWith("java.")) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
          for (Field f : k.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
              continue;
            }
            f.setAccessible(true);
            try {
              push(todo, f.get(o), notOwned);
            } catch (IllegalAccessException e) {
              throw new IllegalStateException(e);
            }
          }
        }
      }
    }
    return slots;
  }

  private static void push(Deque<Object> todo, Object o, Set<Class<?>> notOwned) {
    if (o == null || o instanceof Enum<?>) {
      return;
    }
    for (Class<?> c : notOwned) {
      if (c.isInstance(o)) {
        return;
      }
    }
    todo.push(o);
  }

  private static double realizedVolOf(List<Bar> bars, Instrument ins) {
    double sum = 0;
    int count = 0;
    for (int k = 1; k < bars.size(); k++) {
      double r = StrictMath.log((double) bars.get(k).close() / bars.get(k - 1).close());
      sum += r * r;
      count++;
    }
    if (count == 0) {
      return Double.NaN;
    }
    double minutesPerYear = ins.session().tradingSecondsPerYear() / 60;
    return Math.sqrt(sum / count * minutesPerYear);
  }

  private static long firstBarReaching(
      List<Bar> bars, Instrument ins, double level, boolean fromAbove) {
    for (Bar b : bars) {
      if (fromAbove ? ins.price(b.low()) <= level : ins.price(b.high()) >= level) {
        return b.startNanos();
      }
    }
    return Long.MIN_VALUE;
  }

  private static Simulation resolve(int days) {
    return Simulations.resolve(spec(days), 11, Set.of(), StandardFamilies.registry());
  }

  /** Two US equities traded by one market maker and a few noise traders, over whole days. */
  private static ScenarioSpec spec(int days) {
    OffsetDateTime start = OffsetDateTime.parse("2025-11-18T09:30:00-05:00");
    List<String> all = List.of("SPY", "NVDA");
    List<AgentGroupSpec> agents =
        List.of(
            new AgentGroupSpec(
                "market-maker",
                "mm",
                1,
                all,
                new BigDecimal("50000000"),
                Map.of(),
                Map.of("size", Distribution.fixed(100))),
            new AgentGroupSpec(
                "noise",
                "noise",
                4,
                all,
                new BigDecimal("2000000"),
                Map.of("SPY", 2000L, "NVDA", 5000L),
                Map.of("rate", Distribution.fixed(0.2), "size", Distribution.fixed(20))));
    return new ScenarioSpec(
        "recorder-days",
        "",
        11,
        start,
        start.plusDays(days),
        List.of(
            instrument("SPY", AssetClass.ETF, "660.00", 15),
            instrument("NVDA", AssetClass.EQUITY, "186.50", 45)),
        agents,
        MarketRulesSpec.defaults(),
        Collections.emptyList());
  }

  private static InstrumentSpec instrument(String sym, AssetClass c, String price, double vol) {
    return new InstrumentSpec(
        sym,
        c,
        new BigDecimal("0.01"),
        BigDecimal.ONE,
        BigDecimal.ONE,
        "USD",
        SessionKind.US_EQUITY,
        new BigDecimal(price),
        vol,
        0);
  }
}
