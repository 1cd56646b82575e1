package dev.svcalias.corefile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a Corefile svcalias owns for one zone: from the start of its begin-marker line to the end of its
 * end-marker text (the line break after it is not part of the region). Everything outside is someone else's.
 */
record Region(String domain, ManagedZone.Kind kind, int start, int end, int line) {
    static final String BEGIN = "# svcalias:begin";
    static final String END = "# svcalias:end";
    private static final Pattern BEGIN_LINE = Pattern.compile(
            "(?m)^[ \\t]*" + Pattern.quote(BEGIN) + " zone=(\\S+) kind=(\\S+).*$");
    private static final Pattern END_LINE = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(END) + " zone=(\\S+)[ \\t]*\\r?$");

    /** All regions in the text; damaged markers are an error, never a guess. */
    static List<Region> find(String text) {
        List<Region> regions = new ArrayList<>();
        Matcher begin = BEGIN_LINE.matcher(text);
        int searchFrom = 0;
        while (begin.find(searchFrom)) {
            String zone = begin.group(1);
            int line = lineOf(text, begin.start());
            Matcher end = END_LINE.matcher(text);
            if (!end.find(begin.end()) || !end.group(1).equals(zone)) {
                throw new CorefileException("line " + line + ": svcalias begin marker for zone " + zone
                        + " has no matching end marker; restore the '" + END + " zone=" + zone
                        + "' line or remove the svcalias block by hand");
            }
            Matcher nextBegin = BEGIN_LINE.matcher(text);
            if (nextBegin.find(begin.end()) && nextBegin.start() < end.start()) {
                throw new CorefileException("line " + lineOf(text, nextBegin.start()) + ": svcalias marker nested "
                        + "inside the block for zone " + zone + "; remove the damaged svcalias blocks by hand");
            }
            int regionEnd = end.end();
            if (regionEnd > 0 && text.charAt(regionEnd - 1) == '\r') {
                regionEnd--; // keep CRLF pairs outside the region, like LF
            }
            for (Region r : regions) {
                if (r.domain.equals(zone) && r.kind.marker.equals(begin.group(2))) {
                    throw new CorefileException("line " + line + ": a second svcalias block for zone " + zone
                            + "; remove one of them by hand");
                }
            }
            regions.add(new Region(zone, ManagedZone.Kind.fromMarker(begin.group(2)), begin.start(), regionEnd, line));
            searchFrom = end.end();
        }
        Matcher strayEnd = END_LINE.matcher(text);
        while (strayEnd.find()) {
            int at = strayEnd.start();
            if (regions.stream().noneMatch(r -> at >= r.start && at < r.end)) {
                throw new CorefileException("line " + lineOf(text, at) + ": svcalias end marker without a begin "
                        + "marker; restore the begin line or remove the svcalias block by hand");
            }
        }
        return regions;
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    String text(String corefile) {
        return corefile.substring(start, end);
    }

    boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
