/**
 * Execution agents the engine creates for scenario shocks that are orders rather than news: the
 * TWAP agent that works a {@code metaorder} shock.
 */
package dev.cascade.agents.execution;
