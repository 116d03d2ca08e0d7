/**
 * Accounts, positions and cash in fixed-point integers (cash in micro-units of the currency,
 * positions in lots). Every movement is a balanced double entry: a fill moves cash one way and
 * units the other between two accounts, fees go to the venue's account, and endowments come from
 * the external account that stands for the world outside the simulation. So the sums of cash and of
 * units per instrument over all accounts are zero at all times, a check that can run after any
 * event ({@link dev.cascade.ledger.Ledger#conservation()}).
 */
package dev.cascade.ledger;
