package dev.svcalias.cli;

import dev.svcalias.error.SvcaliasException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** kubectl-style durations: 90s, 3m, 1h, 1m30s, 500ms. */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Durations() {}

    static Duration parse(String option, String text) {
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            end = m.end();
        }
        if (end == 0 || end != text.length()) {
            throw SvcaliasException.usage(option + " " + dev.svcalias.error.Echo.quoted(text) + " is not a duration", "use e.g. 90s, 3m or 1m30s");
        }
        return total;
    }
}
