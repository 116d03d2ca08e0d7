/**
 * Crypto agents: leveraged perpetual-futures traders whose liquidation prices form ladders below
 * and above the market (docs/model.md §11).
 */
package dev.cascade.agents.crypto;
