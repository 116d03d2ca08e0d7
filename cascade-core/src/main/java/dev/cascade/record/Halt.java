package dev.cascade.record;

/**
 * A trading halt as recorded.
 *
 * @param startNanos when it began
 * @param untilNanos when trading may resume
 */
public record Halt(int instrument, long startNanos, long untilNanos, String reason) {}
