package dev.cascade.report;

/**
 * One section of the report. A section reads one file of the run directory or one section of
 * summary.json, and is drawn only when that is there: a run written before a mechanism existed
 * simply has no such section.
 */
interface ReportSection {
  /** The file (or {@code summary.json#section}) this section reads, shown under its heading. */
  String reads();

  /** Whether the run holds what this section draws. */
  boolean presentIn(RunData run);

  /** Appends the section to the page. */
  void write(RunData run, ReportPage page);
}
