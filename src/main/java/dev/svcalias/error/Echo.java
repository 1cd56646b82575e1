package dev.svcalias.error;

/**
 * User input as it may appear in a message: control characters escaped (an ESC from the input must not reach the
 * terminal as an escape sequence) and cut, so a 5 MB token does not make a 5 MB error line.
 */
public final class Echo {
    static final int MAX = 80;

    private Echo() {}

    /** The input escaped and cut to {@value #MAX} characters plus "...". */
    public static String of(String input) {
        if (input == null) {
            return "";
        }
        boolean cut = input.length() > MAX;
        return escape(cut ? input.substring(0, MAX) : input) + (cut ? "..." : "");
    }

    /** The input in single quotes, escaped and cut. */
    public static String quoted(String input) {
        return "'" + of(input) + "'";
    }

    /** Control characters (C0, DEL, C1) as \xNN; everything else as is. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
