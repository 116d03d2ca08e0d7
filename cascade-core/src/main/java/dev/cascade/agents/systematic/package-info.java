/**
 * Rule-based traders and funds: momentum, volatility-targeting and risk-parity funds that rebalance
 * near the close, technical traders on moving-average and Fibonacci levels, and stop-loss clusters
 * resting at the exchange. See docs/model.md §12.
 */
package dev.cascade.agents.systematic;
