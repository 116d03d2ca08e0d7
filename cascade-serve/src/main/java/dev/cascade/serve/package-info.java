/**
 * {@code cascade serve}: runs scenarios on their own threads, publishes throttled snapshots of each
 * run, and serves them over an HTTP API (server-sent events) and a dashboard page that draws them
 * offline (ECharts from its webjar).
 */
package dev.cascade.serve;
