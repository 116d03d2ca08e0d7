/**
 * Derivatives: perpetual futures' venue mechanics (the insurance fund that takes over bankrupt
 * positions, auto-deleveraging when it is depleted, funding between longs and shorts). Equations
 * and sources in docs/model-leverage.md.
 */
package dev.cascade.derivatives;
