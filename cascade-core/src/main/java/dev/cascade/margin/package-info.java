/**
 * Margin: policies that say how much equity an account must hold against its positions (Reg-T,
 * portfolio stress margin, CCP initial margin that follows EWMA volatility, tiered perpetual
 * maintenance margin, and one cross-asset agreement that combines them), and the {@link
 * dev.cascade.margin.PrimeBroker} that checks accounts, issues margin calls and liquidates through
 * the order book when a call is not met. Requirements are in micro-units of currency; equations and
 * sources are in docs/model.md §11.
 */
package dev.cascade.margin;
