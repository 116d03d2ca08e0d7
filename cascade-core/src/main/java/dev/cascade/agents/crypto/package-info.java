/**
 * Crypto agents: leveraged perpetual-futures traders whose liquidation prices form ladders below
 * and above the market (docs/model-leverage.md).
 */
package dev.cascade.agents.crypto;
