/**
 * The self-contained HTML report of a run directory: reads what {@code cascade run} wrote
 * (summary.json and the CSV files), downsamples every series when writing (min/max preserving, at
 * most {@value dev.cascade.report.Downsampling#MAX_POINTS} points), and writes one {@code
 * report.html} with the ECharts library inlined, so it opens with no network.
 *
 * <p>Each section of the report reads one file or one section of summary.json and is drawn only
 * when that exists; {@link dev.cascade.report.HtmlReport} lists them. Depends on core only.
 */
package dev.cascade.report;
