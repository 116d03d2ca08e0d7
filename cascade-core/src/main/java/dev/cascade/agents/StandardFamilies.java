package dev.cascade.agents;

/**
 * The agent families a scenario file can name: the one registry that {@code cascade validate} and
 * {@code cascade run} check scenarios against, so the two never disagree.
 *
 * <p>It is empty for now: the real families (noise traders, market makers, ...) are registered here
 * as they are written. Until then every scenario with an {@code agents} section fails validation
 * with "unknown agent family"; tests build their own registries.
 */
public final class StandardFamilies {
  private StandardFamilies() {}

  /** A new registry holding every standard family. */
  public static AgentRegistry registry() {
    return new AgentRegistry();
  }
}
