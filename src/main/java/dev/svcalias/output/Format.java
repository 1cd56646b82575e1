package dev.svcalias.output;

/** Output formats of -o. Lower-case constants so --help and completions show what users type. */
public enum Format {
    table, json, yaml;

    public static final Format TABLE = table;
}
