/** Fundamental investors: trade when the price strays from their estimate of value. */
package dev.cascade.agents.fundamental;
