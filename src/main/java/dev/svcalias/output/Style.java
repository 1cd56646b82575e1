package dev.svcalias.output;

import org.fusesource.jansi.Ansi;

/** Colours for terminal output; the plain style returns text unchanged (pipes, files, NO_COLOR, --no-color). */
public final class Style {
    private final boolean colour;

    private Style(boolean colour) {
        this.colour = colour;
    }

    public static Style ansi() {
        return new Style(true);
    }

    public static Style plain() {
        return new Style(false);
    }

    public String ok(String text) {
        return paint(text, Ansi.Color.GREEN);
    }

    public String failure(String text) {
        return paint(text, Ansi.Color.RED);
    }

    public String warning(String text) {
        return paint(text, Ansi.Color.YELLOW);
    }

    public String heading(String text) {
        return colour ? Ansi.ansi().bold().a(text).reset().toString() : text;
    }

    private String paint(String text, Ansi.Color color) {
        return colour ? Ansi.ansi().fg(color).a(text).reset().toString() : text;
    }
}
