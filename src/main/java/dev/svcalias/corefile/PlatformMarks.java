package dev.svcalias.corefile;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform svcalias detected at init, kept next to the mode in its begin markers
 * ({@code # svcalias:begin zone=Z kind=K platform=P - managed by svcalias...}), so later commands need not
 * detect it again. Older svcalias versions read only zone and kind and ignore the rest of the line.
 */
public final class PlatformMarks {
    private static final Pattern BEGIN = Pattern.compile("(?m)^([ \\t]*" + Pattern.quote(Region.BEGIN)
            + " zone=\\S+ kind=\\S+)( platform=(\\S+))?");

    private PlatformMarks() {}

    /** {@code text} with {@code platform} recorded in every svcalias begin marker (the same text when it is). */
    public static String record(String text, String platform) {
        Matcher m = BEGIN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + " platform=" + platform));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The platform the first svcalias begin marker records; empty when none does (an older svcalias). */
    public static Optional<String> recorded(String text) {
        Matcher m = BEGIN.matcher(text);
        while (m.find()) {
            if (m.group(3) != null) {
                return Optional.of(m.group(3));
            }
        }
        return Optional.empty();
    }
}
