package dev.cascade.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.kernel.Time;
import dev.cascade.scenario.Simulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run started from the dashboard: its simulation runs on a thread of its own in slices of one
 * simulated second ({@link Simulation#runUntil}), asking its {@link RunGate} before each slice, and
 * publishes a snapshot after a slice at most every {@link #PUBLISH_EVERY_NANOS} of wall time (and
 * when it pauses and ends). Readers take the latest snapshot and the retained history; the
 * simulation never waits for a reader.
 */
final class LiveRun {
  /** The states a run goes through. */
  enum State {
    QUEUED,
    RUNNING,
    PAUSED,
    FINISHED,
    STOPPED,
    FAILED;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean live() {
      return this == QUEUED || this == RUNNING || this == PAUSED;
    }
  }

  /** Simulated time run between two looks at the gate, ns. */
  static final long SLICE_NANOS = Time.NANOS_PER_SECOND;

  /** Simulated time one step runs, ns. */
  static final long STEP_NANOS = Time.NANOS_PER_MINUTE;

  /** Wall time between two snapshots at least, ns (at most 4 a second). */
  static final long PUBLISH_EVERY_NANOS = 250_000_000L;

  /** Snapshots kept for clients that connect late; halved (every other dropped) when full. */
  static final int HISTORY = 1024;

  private final String id;
  private final String scenarioFile;
  private final long seed;
  private final Set<String> without;

  /** The liquidity providers' factor the run was started with (1: as written). */
  private final double liquidity;

  private final double speed;
  private final Simulation sim;
  private final String scenarioText;
  private final Path target;
  private final RunArchive archive;
  private final ObjectMapper json;
  private final RunGate gate = new RunGate();
  private final List<Snapshot> history = new ArrayList<>();
  private volatile State state = State.QUEUED;
  private volatile long simNow;
  private volatile long events;
  private volatile String error;
  private volatile Path runDirectory;
  private volatile String tapeHash;
  private volatile long lastClientNanos = System.nanoTime();
  private long seq;

  /** One published snapshot: its number, simulated time and JSON text. */
  record Snapshot(long seq, long simNanos, String json) {}

  LiveRun(
      String id,
      String scenarioFile,
      long seed,
      Set<String> without,
      double liquidity,
      double speed,
      Simulation sim,
      String scenarioText,
      Path target,
      RunArchive archive,
      ObjectMapper json) {
    this.id = id;
    this.scenarioFile = scenarioFile;
    this.seed = seed;
    this.without = Set.copyOf(without);
    this.liquidity = liquidity;
    this.speed = speed;
    this.sim = sim;
    this.scenarioText = scenarioText;
    this.target = target;
    this.archive = archive;
    this.json = json;
    this.simNow = sim.startNanos();
  }

  String id() {
    return id;
  }

  State state() {
    return state;
  }

  RunGate gate() {
    return gate;
  }

  /**
   * Stops the run: the gate ends it at the next slice, and the simulation's clock is interrupted so
   * that a slice with a great many events ends within 65,536 of them.
   */
  void stop() {
    gate.stop();
    sim.clock().interrupt();
  }

  /** Simulated time reached, ns. */
  long simNow() {
    return simNow;
  }

  /** Starts the simulation thread. */
  void start() {
    Thread t = new Thread(this::run, "cascade-run-" + id);
    t.setDaemon(true);
    t.start();
  }

  /** Notes that a client asked about this run (or is streaming it) now. */
  void touch() {
    lastClientNanos = System.nanoTime();
  }

  /** Wall nanoseconds since a client last asked about this run. */
  long idleNanos() {
    return System.nanoTime() - lastClientNanos;
  }

  /** Snapshots retained after {@code afterSeq}, in simulated-time order. */
  synchronized List<Snapshot> since(long afterSeq) {
    List<Snapshot> out = new ArrayList<>();
    for (Snapshot s : history) {
      if (s.seq() > afterSeq) {
        out.add(s);
      }
    }
    return out;
  }

  /** Blocks up to {@code millis} for a snapshot after {@code afterSeq}. */
  synchronized void awaitAfter(long afterSeq, long millis) throws InterruptedException {
    if ((history.isEmpty() || history.get(history.size() - 1).seq() <= afterSeq) && state.live()) {
      wait(millis);
    }
  }

  /** Its state as {@code GET /api/runs/{id}} shows it (docs/api.md). */
  ObjectNode status() {
    ObjectNode o = json.createObjectNode();
    o.put("id", id);
    o.put("scenario", scenarioFile);
    o.put("name", sim.spec().name());
    o.put("seed", seed);
    o.set("without", json.valueToTree(without.stream().sorted().toList()));
    o.put("liquidity", liquidity);
    o.put("speed", speed);
    o.put("state", state.label());
    o.put("start", Time.format(sim.startNanos()));
    o.put("end", Time.format(sim.endNanos()));
    long t = simNow;
    o.put("time", Time.format(t));
    o.put("timeNanos", t);
    long span = Math.max(1, sim.endNanos() - sim.startNanos());
    o.put("progress", Math.min(1.0, (double) (t - sim.startNanos()) / span));
    o.put("events", events);
    if (error != null) {
      o.put("error", error);
    }
    Path dir = runDirectory;
    if (dir != null) {
      o.put("runDirectory", dir.toString());
      o.put("report", PastRuns.reportLink(dir.getFileName().toString()));
    }
    if (tapeHash != null) {
      o.put("tapeHash", tapeHash);
    }
    o.put("eventsUrl", "/api/runs/" + id + "/events");
    return o;
  }

  private void run() {
    SnapshotWriter snapshots;
    RunArchive.Recording recording;
    try {
      recording =
          archive.open(
              sim,
              scenarioText,
              target,
              liquidity == 1 ? Map.of() : Map.of("liquidityScaling", liquidity));
      snapshots = new SnapshotWriter(json, sim);
    } catch (RunArchive.Refused e) {
      fail(e.getMessage());
      return;
    } catch (RuntimeException e) {
      fail("could not start: " + e);
      return;
    }
    // Committed or abandoned: settled before the state says how the run ended, so that a client
    // that sees a run stopped or failed finds nothing of its temporary directory left.
    boolean settled = false;
    String failure = null;
    try {
      state = gate.paused() ? State.PAUSED : State.RUNNING;
      long t = sim.startNanos();
      long end = sim.endNanos();
      publish(snapshots, t, false);
      long lastPublish = System.nanoTime();
      long ran = 0;
      long paceWall = System.nanoTime();
      long paceSim = t;
      long paceChanges = gate.changes();
      while (t < end) {
        if (gate.holdsAt(t)) {
          state = State.PAUSED;
          publish(snapshots, t, false);
          lastPublish = System.nanoTime();
        }
        if (!gate.awaitGo(t)) {
          break;
        }
        state = gate.holdsAt(t) ? State.PAUSED : State.RUNNING;
        if (gate.changes() != paceChanges) {
          // Paused, resumed or stepped: pacing starts again from here.
          paceChanges = gate.changes();
          paceWall = System.nanoTime();
          paceSim = t;
        }
        long w0 = System.nanoTime();
        long next = Math.min(end, t + SLICE_NANOS);
        sim.runUntil(next);
        ran += System.nanoTime() - w0;
        t = next;
        simNow = t;
        events = sim.events();
        if (System.nanoTime() - lastPublish >= PUBLISH_EVERY_NANOS) {
          publish(snapshots, t, false);
          lastPublish = System.nanoTime();
        }
        if (speed > 0) {
          long due = paceWall + (long) ((t - paceSim) / speed);
          long wait = (due - System.nanoTime()) / 1_000_000;
          if (wait > 0) {
            gate.sleep(wait);
          }
        }
      }
      if (gate.stopped()) {
        recording.abandon();
        settled = true;
        state = State.STOPPED;
        publish(snapshots, t, true);
        return;
      }
      publish(snapshots, t, true);
      Path dir = recording.commit(ran / 1e9);
      settled = true;
      tapeHash = recording.tapeHash();
      runDirectory = dir;
      state = State.FINISHED;
      publish(snapshots, t, true);
    } catch (RunArchive.Refused e) {
      failure = e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = "interrupted";
    } catch (RuntimeException | OutOfMemoryError e) {
      failure = "the run failed: " + e;
    } finally {
      if (!settled) {
        recording.abandon();
      }
      if (failure != null) {
        fail(failure);
      }
      synchronized (this) {
        notifyAll();
      }
    }
  }

  private void fail(String message) {
    error = message;
    state = State.FAILED;
    synchronized (this) {
      notifyAll();
    }
  }

  private void publish(SnapshotWriter w, long t, boolean last) {
    String text = w.write(seq + 1, t, state.label(), last);
    synchronized (this) {
      seq++;
      if (history.size() >= HISTORY) {
        // Keep the first and every other one after it: the history thins evenly as it grows.
        List<Snapshot> kept = new ArrayList<>(HISTORY / 2 + 1);
        for (int k = 0; k < history.size(); k += 2) {
          kept.add(history.get(k));
        }
        history.clear();
        history.addAll(kept);
      }
      history.add(new Snapshot(seq, t, text));
      notifyAll();
    }
  }
}
