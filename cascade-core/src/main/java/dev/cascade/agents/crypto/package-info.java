/**
 * Crypto traders: perpetual-futures traders with leverage from 2x to 100x, whose entry prices and
 * leverages put their liquidation prices on ladders below and above the market.
 */
package dev.cascade.agents.crypto;
