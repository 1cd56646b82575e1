package dev.svcalias.output;

/** A command result that can be printed as a table (for people) or as data (json/yaml, for scripts). */
public interface Printable {
    /** Plain maps/lists/strings/numbers/booleans, keys in a stable order. */
    Object toData();

    /** What a person sees: a table, possibly followed by notes. */
    String toText(Style style);
}
