package dev.svcalias.corefile;

import java.util.List;

/**
 * Puts svcalias's region for a zone into a Corefile or takes it out, touching no other byte.
 *
 * <p>A new region is appended at the end. If the file ends with a line break the region follows it and gets a
 * line break of its own; if not, a line break goes before the region and none after it, so the file still ends
 * without one. The line break is CRLF when the text appended to has CRLF. Removal cuts the region with the line
 * break after it or, at the very end, the one before it, decided the way put() decided (a text ending in a lone
 * CR gets LF, which then looks like CRLF), which makes {@code remove(add(x)) == x} for every x. Replacing a
 * region keeps its place in the file.
 */
final class RegionEditor {
    private RegionEditor() {}

    static String put(Corefile corefile, String domain, ManagedZone.Kind kind, List<Integer> ports, String region) {
        String text = corefile.text();
        List<Region> regions = Region.find(corefile);
        checkConflicts(corefile, regions, domain, ports);
        String result = null;
        for (Region r : regions) {
            if (r.domain().equals(domain)) {
                if (r.kind() != kind) {
                    throw new ZoneConflictException("line " + r.line() + ": zone " + domain + " already has a "
                            + "svcalias " + r.kind().marker + " block in this Corefile, not a " + kind.marker
                            + " one; remove it first (svcalias reset --domain " + domain + ", or svcalias corefile "
                            + "remove --domain " + domain + " for a file) or pick another --domain");
                }
                result = text.substring(0, r.start()) + region + text.substring(r.end());
            }
        }
        if (result == null) {
            String nl = text.contains("\r\n") ? "\r\n" : "\n";
            result = text.isEmpty() || text.endsWith("\n") ? text + region + nl : text + nl + region;
        }
        verify(result, domain, kind);
        return result;
    }

    /** The input itself (same instance) when svcalias has no region for the zone. */
    static String remove(Corefile corefile, String domain) {
        String text = corefile.text();
        for (Region r : Region.find(corefile)) {
            if (r.domain().equals(domain)) {
                String result = cut(text, r);
                Corefiles.parse(result); // a region is a whole block: what is left must parse as before
                return result;
            }
        }
        return text;
    }

    private static String cut(String text, Region r) {
        int start = r.start();
        int end = r.end();
        if (text.startsWith("\r\n", end)) {
            end += 2;
        } else if (text.startsWith("\n", end)) {
            end += 1;
        } else if (start >= 2 && text.startsWith("\r\n", start - 2) && text.substring(0, start - 2).contains("\r\n")) {
            start -= 2; // put() used CRLF because the text it appended to had CRLF
        } else if (start >= 1 && text.charAt(start - 1) == '\n') {
            start -= 1;
        }
        return text.substring(0, start) + text.substring(end);
    }

    /** CoreDNS refuses two blocks for one (transport, zone, port): svcalias never writes the second one. */
    private static void checkConflicts(Corefile corefile, List<Region> regions, String domain, List<Integer> ports) {
        String zone = ZoneKey.fqdn(domain);
        for (ServerBlock b : corefile.serverBlocks()) {
            if (regions.stream().anyMatch(r -> r.contains(b.start()))) {
                continue;
            }
            for (ZoneKey k : b.zoneKeys()) {
                if (ports.stream().anyMatch(p -> k.collidesWith(zone, p))) {
                    throw new ZoneConflictException("line " + b.line() + ": server block '" + b.keyText()
                            + "' already serves zone " + zone + " and is not managed by svcalias; remove it or "
                            + "pick another --domain");
                }
                if (k.placeholder() && (k.zone().contains("{") || k.zone().equals(zone))) {
                    throw new CorefileException("line " + b.line() + ": server block '" + b.keyText() + "' takes "
                            + "its key from an environment variable, so svcalias cannot tell whether it serves zone "
                            + zone + "; write the key out before svcalias edits this Corefile");
                }
            }
        }
    }

    /** The edited text must parse and hold the region, as one server block, for the zone. */
    private static void verify(String result, String domain, ManagedZone.Kind kind) {
        Corefile edited = Corefiles.parse(result);
        boolean ok = Region.find(edited).stream().anyMatch(r -> r.domain().equals(domain) && r.kind() == kind);
        if (!ok) {
            throw new IllegalStateException("svcalias wrote a block for " + domain + " it cannot read back");
        }
    }
}
