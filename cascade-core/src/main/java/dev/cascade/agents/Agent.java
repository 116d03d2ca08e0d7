package dev.cascade.agents;

/**
 * A market participant. The whole contract: the simulation calls {@link #start} once, then {@link
 * #wake} whenever a wake-up the agent scheduled comes due. Everything an agent does goes through
 * its {@link AgentContext}; it never touches a book, another account or the clock.
 */
public interface Agent {
  /** Called once at the simulation start: set up and schedule the first wake-up. */
  void start(AgentContext ctx);

  /**
   * Called when a scheduled wake-up comes due.
   *
   * @param tag the tag given when scheduling, or {@link AgentContext#FILL_TAG} after one of the
   *     agent's orders traded (only for agents that asked for fill wake-ups)
   */
  void wake(AgentContext ctx, int tag);
}
