/**
 * Scenarios: a YAML file becomes immutable {@link dev.cascade.scenario.ScenarioSpec} records (every
 * error located by file, line, column and path), which {@code resolve} turns into a runnable
 * simulation. Agents never read YAML.
 */
package dev.cascade.scenario;
