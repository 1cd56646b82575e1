package dev.svcalias.corefile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CoreDNS release, read from image tags like 1.6.2, v1.6.2, 1.8.4-eksbuild.1, 1.11.3-aks (build suffixes are
 * ignored) or from {@code coredns -version} output ("CoreDNS-1.6.2").
 */
public record CoreDnsVersion(int major, int minor, int patch) implements Comparable<CoreDnsVersion> {
    private static final Pattern FORM = Pattern.compile("(?i)(?:coredns-)?v?(\\d{1,3})\\.(\\d{1,3})(?:\\.(\\d{1,3}))?([-+].*)?");

    public static CoreDnsVersion parse(String s) {
        Matcher m = FORM.matcher(s == null ? "" : s.trim());
        if (!m.matches()) {
            throw new CorefileException(dev.svcalias.error.Echo.quoted(s) + " is not a CoreDNS version; expected MAJOR.MINOR.PATCH as in an "
                    + "image tag, e.g. 1.6.2, v1.8.4-eksbuild.1");
        }
        return new CoreDnsVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    @Override
    public int compareTo(CoreDnsVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
