/** Noise traders: liquidity-motivated order flow with no view on value. */
package dev.cascade.agents.noise;
