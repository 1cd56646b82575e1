package dev.svcalias.output;

import java.io.PrintWriter;

/** Prints a result in the chosen format; the only place that picks between table, json and yaml. */
public final class Printer {
    private Printer() {}

    public static void print(Printable result, Format format, Style style, PrintWriter out) {
        switch (format) {
            case json -> out.print(Json.write(result.toData()));
            case yaml -> out.print(Yaml.write(result.toData()));
            case table -> out.print(result.toText(style));
        }
        out.flush();
    }
}
