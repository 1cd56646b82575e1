package dev.svcalias.cli;

import dev.svcalias.output.Printable;

/**
 * One cluster's part of a fleet run: its result, or the one-line error that stopped it ({@code result} null),
 * and the exit code it alone would have had.
 */
record ClusterOutcome(String context, Printable result, String summary, int exitCode, String error) {}
