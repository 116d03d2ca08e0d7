/**
 * Options dealers: agents that hold an option book on one underlying (dealers long calls and short
 * puts by default), take customers' put purchases onto it in sell-offs, and delta-hedge it through
 * the underlying's order book at a hedger's pace. Short gamma, the hedges sell into falls and buy
 * into rallies; long gamma, the reverse: the direction comes from the book's delta, not from a
 * rule. See docs/model.md §10.
 */
package dev.cascade.agents.dealer;
