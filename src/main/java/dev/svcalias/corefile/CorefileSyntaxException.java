package dev.svcalias.corefile;

/** Unparsable input: {@code line L, column C: what is wrong}. */
public class CorefileSyntaxException extends CorefileException {
    private final int line;
    private final int column;

    public CorefileSyntaxException(int line, int column, String problem) {
        super("line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
