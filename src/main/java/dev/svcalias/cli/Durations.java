package dev.svcalias.cli;

import dev.svcalias.error.SvcaliasException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** kubectl-style durations: 90s, 3m, 1h, 1m30s, 500ms; at most {@link #MAX} (a deadline must fit a clock). */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");
    static final Duration MAX = Duration.ofDays(365);

    private Durations() {}

    static Duration parse(String option, String text) {
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        try {
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
        } catch (NumberFormatException | ArithmeticException tooLong) {
            total = MAX.plusMillis(1);
        }
        if (end == 0 || end != text.length()) {
            throw SvcaliasException.usage(option + " " + dev.svcalias.error.Echo.quoted(text) + " is not a duration", "use e.g. 90s, 3m or 1m30s");
        }
        if (total.compareTo(MAX) > 0) {
            throw SvcaliasException.usage(option + " " + dev.svcalias.error.Echo.quoted(text) + " is longer than "
                    + MAX.toDays() + " days", "use e.g. 10m or 24h");
        }
        return total;
    }
}
