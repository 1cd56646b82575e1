package dev.svcalias.corefile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a Corefile svcalias owns for one zone: from the start of its begin-marker line to the end of its
 * end-marker text (the line break after it is not part of the region). It must hold exactly one server block
 * and nothing else. Everything outside is someone else's. Damaged markers are an error, never a guess.
 */
record Region(String domain, ManagedZone.Kind kind, int start, int end, int line, ServerBlock block) {
    static final String BEGIN = "# svcalias:begin";
    static final String END = "# svcalias:end";
    private static final Pattern BEGIN_LINE = Pattern.compile(
            "(?md)^[ \\t]*" + Pattern.quote(BEGIN) + " zone=(\\S+) kind=(\\S+)[^\\r\\n]*");
    private static final Pattern END_LINE = Pattern.compile(
            "(?md)^[ \\t]*" + Pattern.quote(END) + " zone=(\\S+)[ \\t]*(?=\\r?\\n|\\z)");
    private static final Pattern ANY_MARKER = Pattern.compile("(?md)^[ \\t]*# svcalias:(begin|end)\\b[^\\r\\n]*");
    private static final String BY_HAND = "; remove the svcalias lines for that zone by hand and run svcalias again";

    /** All regions of a parsed Corefile, each checked to hold exactly one whole server block. */
    static List<Region> find(Corefile corefile) {
        String text = corefile.text();
        List<Region> regions = new ArrayList<>();
        Matcher any = ANY_MARKER.matcher(text);
        int from = 0;
        while (any.find(from)) {
            int line = lineOf(text, any.start());
            Matcher begin = BEGIN_LINE.matcher(text).region(any.start(), any.end());
            if (any.group(1).equals("end")) {
                throw new CorefileException("line " + line + ": svcalias end marker without a begin marker" + BY_HAND);
            }
            if (!begin.lookingAt()) {
                throw new CorefileException("line " + line + ": damaged svcalias begin marker (expected '" + BEGIN
                        + " zone=ZONE kind=KIND')" + BY_HAND);
            }
            String zone = begin.group(1);
            ManagedZone.Kind kind = ManagedZone.Kind.fromMarker(begin.group(2), line);
            Matcher next = ANY_MARKER.matcher(text);
            Matcher end = END_LINE.matcher(text);
            if (!next.find(any.end()) || !next.group(1).equals("end")
                    || !end.region(next.start(), text.length()).lookingAt() || !end.group(1).equals(zone)) {
                throw new CorefileException("line " + line + ": svcalias begin marker for zone " + zone
                        + " has no matching '" + END + " zone=" + zone + "' line after it" + BY_HAND);
            }
            for (Region r : regions) {
                if (r.domain.equals(zone)) {
                    throw new CorefileException("line " + line + ": a second svcalias block for zone " + zone
                            + " (the first is at line " + r.line + ")" + BY_HAND);
                }
            }
            int regionEnd = end.end();
            regions.add(new Region(zone, kind, any.start(), regionEnd, line, onlyBlock(corefile, any.start(),
                    regionEnd, zone, line)));
            from = regionEnd;
        }
        return regions;
    }

    /** The one server block between the markers; anything else (none, two, half a block, an import) is damage. */
    private static ServerBlock onlyBlock(Corefile corefile, int start, int end, String zone, int line) {
        ServerBlock only = null;
        for (ServerBlock b : corefile.blocks()) {
            boolean inside = b.start() >= start && b.end() <= end;
            boolean overlaps = b.start() < end && b.end() > start;
            if (overlaps && (!inside || only != null || b.snippet())) {
                only = null;
                break;
            }
            if (inside) {
                only = b;
            }
        }
        boolean importInside = corefile.imports().stream().anyMatch(t -> t.start() >= start && t.start() < end);
        if (only == null || importInside) {
            throw new CorefileException("line " + line + ": the svcalias block for zone " + zone
                    + " no longer holds exactly one server block between its markers" + BY_HAND);
        }
        String fqdn = ZoneKey.fqdn(zone);
        if (only.zoneKeys().isEmpty() || only.zoneKeys().stream().anyMatch(k -> !k.zone().equals(fqdn))) {
            throw new CorefileException("line " + line + ": the svcalias markers for zone " + zone + " hold a block"
                    + " for '" + only.keyText() + "', another zone; svcalias will not guess which is right" + BY_HAND);
        }
        return only;
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

    boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
