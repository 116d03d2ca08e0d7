/** Rule-based traders: momentum and trend signals (vol-target and risk-parity funds to come). */
package dev.cascade.agents.systematic;
