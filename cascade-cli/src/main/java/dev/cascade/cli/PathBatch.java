package dev.cascade.cli;

import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.scenario.LoadResult;
import dev.cascade.scenario.ScenarioLoader;
import dev.cascade.scenario.ScenarioSpec;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The paths of a sweep, an attribution or a reverse stress test as a value that can travel: the
 * scenario as the TEXT the command read (re-parsed wherever a path runs, with the standard agent
 * families), the scalings it runs under, a reverse stress test's lever, and the jobs (seed, what is
 * left out, the lever's factor). {@link #run} gives job k's outcome, the same on the command's own
 * threads or on a Spark executor: the same text, scaling and seed make the same simulation.
 */
public final class PathBatch implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String scenarioText;
  private final String fileName;
  private final Scaling scaling;
  private final ScaleLever lever;
  private final List<PathOutcome.Job> jobs;

  /** The scenario parsed and scaled: given by the command, else made on first use. */
  private transient ScenarioSpec spec;

  private transient AgentRegistry registry;

  /** The last scenario parsed in this JVM, shared by the tasks of a batch on an executor. */
  private static Parsed lastParsed;

  private record Parsed(String text, Scaling scaling, ScenarioSpec spec) {}

  /**
   * A batch whose scenario the command has loaded (and scaled) already.
   *
   * @param spec {@code text} parsed and scaled by {@code scaling}
   * @param text the scenario file's text
   * @param fileName its name, for errors
   */
  PathBatch(
      ScenarioSpec spec,
      String text,
      String fileName,
      Scaling scaling,
      List<PathOutcome.Job> jobs,
      AgentRegistry registry) {
    this(spec, text, fileName, scaling, null, jobs, registry);
  }

  /**
   * A batch whose jobs each run the scaled scenario with {@code lever} applied at the job's own
   * {@link PathOutcome.Job#scale} (a reverse stress test's evaluations).
   */
  PathBatch(
      ScenarioSpec spec,
      String text,
      String fileName,
      Scaling scaling,
      ScaleLever lever,
      List<PathOutcome.Job> jobs,
      AgentRegistry registry) {
    this.spec = spec;
    this.scenarioText = text;
    this.fileName = fileName;
    this.scaling = scaling;
    this.lever = lever;
    this.jobs = List.copyOf(jobs);
    this.registry = registry;
  }

  /**
   * A batch of a scenario's text, unscaled; parsed on first use.
   *
   * @param fileName the file's name, for errors
   */
  public static PathBatch of(String text, String fileName, List<PathOutcome.Job> jobs) {
    return new PathBatch(null, text, fileName, Scaling.NONE, jobs, null);
  }

  /** The same scenario, scaling and lever with other jobs. */
  PathBatch withJobs(List<PathOutcome.Job> other) {
    return new PathBatch(spec, scenarioText, fileName, scaling, lever, other, registry);
  }

  /** The jobs, in order. */
  public List<PathOutcome.Job> jobs() {
    return jobs;
  }

  /** Runs job {@code k}: the same outcome (tape hash included) wherever it runs. */
  public PathOutcome run(int k) {
    PathOutcome.Job j = jobs.get(k);
    ScenarioSpec s = lever == null ? spec() : lever.apply(spec(), j.scale(), registry());
    return PathOutcome.of(s, j.seed(), j.without(), registry());
  }

  synchronized ScenarioSpec spec() {
    if (spec == null) {
      spec = parse(scenarioText, fileName, scaling, registry());
    }
    return spec;
  }

  private synchronized AgentRegistry registry() {
    if (registry == null) {
      registry = StandardFamilies.registry();
    }
    return registry;
  }

  private static synchronized ScenarioSpec parse(
      String text, String fileName, Scaling scaling, AgentRegistry registry) {
    Parsed last = lastParsed;
    if (last != null && last.text().equals(text) && last.scaling().equals(scaling)) {
      return last.spec();
    }
    LoadResult loaded = ScenarioLoader.parse(text, fileName, registry);
    if (!loaded.ok()) {
      // The command parsed the same text before shipping it: this is a bug, not the user's.
      throw new IllegalStateException(
          "the scenario " + fileName + " did not parse where its paths run: " + loaded.errors());
    }
    ScenarioSpec s = scaling.apply(loaded.spec().orElseThrow(), registry);
    lastParsed = new Parsed(text, scaling, Objects.requireNonNull(s));
    return s;
  }
}
