/**
 * The simulated clock and what moves it: an event queue ordered by (time, priority, sequence),
 * trading sessions and calendars, and seeded random streams per agent. No I/O, no wall-clock time:
 * everything here is a pure function of the scenario and its seed.
 */
package dev.cascade.kernel;
