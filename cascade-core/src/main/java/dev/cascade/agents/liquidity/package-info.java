/** Market makers: two-sided quotes whose width and size respond to volatility and inventory. */
package dev.cascade.agents.liquidity;
