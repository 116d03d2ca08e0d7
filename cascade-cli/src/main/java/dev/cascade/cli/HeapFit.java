package dev.cascade.cli;

import dev.cascade.agents.AgentRegistry;
import dev.cascade.scenario.RunMemory;
import dev.cascade.scenario.ScenarioSpec;
import java.util.Set;

/**
 * Whether a run of a scenario fits in this JVM's heap, by {@link RunMemory}'s estimate: {@code
 * cascade run} refuses one that does not before it starts, and {@code cascade validate} warns.
 */
final class HeapFit {
  /** {@code cascade run}'s default {@code --sample-seconds}, for validate's estimate. */
  static final double RUN_SAMPLE_SECONDS = 5;

  private HeapFit() {}

  /** The line to refuse a run with, or null if its estimate fits in {@code maxHeapBytes}. */
  static String refusal(
      ScenarioSpec spec,
      Set<String> without,
      double sampleSeconds,
      AgentRegistry registry,
      long maxHeapBytes) {
    RunMemory m = RunMemory.estimate(spec, without, sampleSeconds, registry);
    if (m.totalBytes() <= maxHeapBytes) {
      return null;
    }
    return "cascade run: this scenario needs about "
        + need(m)
        + ", the JVM has "
        + RunMemory.size(maxHeapBytes)
        + " (set CASCADE_JAVA_OPTS=-Xmx"
        + RunMemory.xmx(m.totalBytes())
        + ")";
  }

  /** A warning for {@code validate}, or null if a run's estimate fits in {@code maxHeapBytes}. */
  static String warning(ScenarioSpec spec, AgentRegistry registry, long maxHeapBytes) {
    RunMemory m = RunMemory.estimate(spec, Set.of(), RUN_SAMPLE_SECONDS, registry);
    if (m.totalBytes() <= maxHeapBytes) {
      return null;
    }
    return "warning: a run of this scenario needs about "
        + need(m)
        + ", more than this JVM's "
        + RunMemory.size(maxHeapBytes)
        + "; cascade run will refuse it unless CASCADE_JAVA_OPTS=-Xmx"
        + RunMemory.xmx(m.totalBytes())
        + " or more";
  }

  private static String need(RunMemory m) {
    return RunMemory.size(m.totalBytes())
        + " of heap (order books "
        + RunMemory.size(m.booksBytes())
        + ", agents "
        + RunMemory.size(m.agentsBytes())
        + ", recording "
        + RunMemory.size(m.recordingBytes())
        + ")";
  }
}
