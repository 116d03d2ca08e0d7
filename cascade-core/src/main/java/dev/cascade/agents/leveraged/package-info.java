/**
 * Leveraged funds: leveraged and inverse ETFs that reset their exposure near the close, and
 * long/short equity and multi-strategy funds that run gross and net exposure targets on margin and
 * de-gross when called or when a drawdown limit hits.
 */
package dev.cascade.agents.leveraged;
