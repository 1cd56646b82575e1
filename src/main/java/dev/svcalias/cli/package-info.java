/** The command layer: picocli commands that parse, call one use case, and print its result (the only picocli code). */
package dev.svcalias.cli;
