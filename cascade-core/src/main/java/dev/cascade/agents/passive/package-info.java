/**
 * Passive money: holders of exchange-traded funds executing investor flows, index funds trading
 * their benchmark's basket at index weights, and authorised participants keeping an ETF at its net
 * asset value by arbitrage and creation/redemption. See docs/model.md §12.
 */
package dev.cascade.agents.passive;
