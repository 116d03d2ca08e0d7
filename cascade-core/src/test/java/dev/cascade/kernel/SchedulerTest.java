package dev.cascade.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SchedulerTest {

  @Test
  void runUntilRunsEventsUpToAndIncludingTheBoundThenStopsWithTheClockAtIt() {
    Scheduler s = new Scheduler(1_000);
    List<Long> seen = new ArrayList<>();
    Wakeable w = (t, tag) -> seen.add(t);
    s.at(1_500, Priority.AGENT, w, 0);
    s.at(2_000, Priority.AGENT, w, 0);
    s.at(2_001, Priority.AGENT, w, 0);

    long ran = s.runUntil(2_000);

    assertThat(ran).isEqualTo(2);
    assertThat(seen).containsExactly(1_500L, 2_000L);
    assertThat(s.now()).isEqualTo(2_000);
    assertThat(s.pending()).isEqualTo(1);
    assertThat(s.nextEventTime()).isEqualTo(2_001);
  }

  @Test
  void runUntilWithNoEventsStillMovesTheClockToTheBound() {
    Scheduler s = new Scheduler(0);

    assertThat(s.runUntil(5 * Time.NANOS_PER_SECOND)).isZero();

    assertThat(s.now()).isEqualTo(5 * Time.NANOS_PER_SECOND);
  }

  @Test
  void eventsSeeTheClockAtTheirOwnTimeAndMayScheduleMoreWithinTheBound() {
    Scheduler s = new Scheduler(0);
    List<Long> clockSeen = new ArrayList<>();
    Wakeable chain =
        new Wakeable() {
          @Override
          public void wake(long t, int tag) {
            clockSeen.add(s.now());
            s.after(100, Priority.AGENT, this, tag);
          }
        };
    s.at(100, Priority.AGENT, chain, 0);

    s.runUntil(450);

    assertThat(clockSeen).containsExactly(100L, 200L, 300L, 400L);
    assertThat(s.now()).isEqualTo(450);
    assertThat(s.eventsRun()).isEqualTo(4);
  }

  @Test
  void aWakeUpInThePastRunsNowNotEarlier() {
    Scheduler s = new Scheduler(1_000);
    List<Long> seen = new ArrayList<>();
    s.at(10, Priority.AGENT, (t, tag) -> seen.add(t), 0);

    s.runUntil(1_000);

    assertThat(seen).containsExactly(1_000L);
  }

  @Test
  void poissonDelaysHaveMeanOneOverTheRateWithinThreeSigmaOverRootN() {
    RandomGenerator rng = new RandomStreams(7).stream("poisson-test");
    double rate = 4.0; // per second: mean delay 0.25 s, standard deviation 0.25 s
    int n = 200_000;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Scheduler.exponentialDelay(rate, rng);
    }
    double meanSeconds = sum / n / Time.NANOS_PER_SECOND;
    double sigma = 1 / rate;

    assertThat(meanSeconds).isCloseTo(1 / rate, offset(3 * sigma / Math.sqrt(n)));
  }

  @Test
  void poissonWakeUpsArriveAtTheRateOverALongRun() {
    Scheduler s = new Scheduler(0);
    RandomGenerator rng = new RandomStreams(11).stream("arrivals");
    double rate = 50.0;
    long[] count = {0};
    Wakeable arrival =
        new Wakeable() {
          @Override
          public void wake(long t, int tag) {
            count[0]++;
            s.poisson(rate, rng, Priority.AGENT, this, tag);
          }
        };
    s.poisson(rate, rng, Priority.AGENT, arrival, 0);
    double seconds = 2_000;

    s.runUntil(Time.seconds(seconds));

    // Poisson count: mean and variance rate * seconds.
    double expected = rate * seconds;
    assertThat((double) count[0]).isCloseTo(expected, offset(3 * Math.sqrt(expected)));
  }

  @Test
  void anInterruptEndsASliceThatWouldNeverEnd() {
    // an event that reschedules itself at the same instant: runUntil alone would never return
    Scheduler s = new Scheduler(0);
    long[] count = {0};
    Wakeable loop =
        new Wakeable() {
          @Override
          public void wake(long t, int tag) {
            count[0]++;
            if (count[0] == 100_000) {
              s.interrupt(); // as the dashboard's stop does, from its own thread
            }
            s.at(t, Priority.AGENT, this, tag);
          }
        };
    s.at(5, Priority.AGENT, loop, 0);
    long ran = s.runUntil(10);
    assertThat(s.interrupted()).isTrue();
    assertThat(ran).isEqualTo(count[0]).isBetween(100_000L, 100_000L + 65_536);
    assertThat(s.now()).isEqualTo(5); // the clock stays where the last event ran
    assertThat(s.eventsRun()).isEqualTo(ran);
  }
}
