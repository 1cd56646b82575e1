package dev.svcalias.naming;

import dev.svcalias.error.Echo;
import dev.svcalias.error.SvcaliasException;
import java.util.List;
import java.util.regex.Pattern;

/** What a zone svcalias may own, and what an alias host may look like (RFC 1123, lower case). */
public final class DomainRules {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private DomainRules() {}

    /**
     * The checks a zone passes whatever the cluster: a DNS name, not a reverse zone, not a public suffix.
     * Returns the domain without a trailing dot, or throws a usage error saying what is wrong.
     */
    public static String validateZone(String domain) {
        String d = checkName(domain, "--domain");
        if (d.equals("arpa") || d.endsWith(".arpa")) {
            throw SvcaliasException.usage("--domain " + d + " is a reverse-lookup zone",
                    "pick a forward zone, e.g. --domain internal");
        }
        if (isPublicSuffix(d)) {
            throw SvcaliasException.usage("--domain " + d + " is a public suffix (a top-level domain or a registry "
                    + "suffix like co.uk): every lookup under it would go to istiocoredns",
                    "pick a private zone, e.g. --domain internal, or a domain you own, e.g. --domain svc.example.com");
        }
        return d;
    }

    /**
     * The ICANN section of the Public Suffix List (com, dev, co.uk, ...), as shipped with Guava. Its private section
     * (github.io and the like) does not count; "internal" is in neither (ICANN reserves it for private use).
     */
    private static boolean isPublicSuffix(String zone) {
        try {
            return com.google.common.net.InternetDomainName.from(zone).isRegistrySuffix();
        } catch (IllegalArgumentException e) {
            return false; // not a name Guava accepts; checkName already vouched for its syntax
        }
    }

    /** {@link #validateZone(String)}, and the zone neither is, nor lies inside or contains, the cluster domain. */
    public static String validateZone(String domain, String clusterDomain) {
        return outsideClusterDomain(validateZone(domain), clusterDomain);
    }

    /**
     * {@link #validateZone(String, String)} for the first of {@code kubernetesZones} (the cluster domain), and the
     * same for each other zone the kubernetes plugin serves (issue 17, item 3: {@code kubernetes cluster.local
     * corp.k8s}): a block for any of them would hide its Service names.
     */
    public static String validateZone(String domain, List<String> kubernetesZones) {
        String d = validateZone(domain, kubernetesZones.get(0));
        for (String served : kubernetesZones.subList(1, kubernetesZones.size())) {
            if (d.equals(served) || d.endsWith("." + served) || served.endsWith("." + d)) {
                String where = d.equals(served) ? " is" : (d.endsWith("." + served) ? " lies inside " : " contains ")
                        + served + ",";
                throw SvcaliasException.usage("--domain " + d + where + " a zone the Corefile's kubernetes plugin "
                        + "serves beside the cluster domain " + kubernetesZones.get(0) + "; a block for it would hide "
                        + "every Service name there", "pick a zone of its own, e.g. --domain internal");
            }
        }
        return d;
    }

    /** {@link #zoneToRemove(String)}, and not the cluster domain (svcalias never has a block for it). */
    public static String zoneToRemove(String domain, String clusterDomain) {
        return outsideClusterDomain(zoneToRemove(domain), clusterDomain);
    }

    private static String outsideClusterDomain(String d, String clusterDomain) {
        if (d.equals(clusterDomain) || d.endsWith("." + clusterDomain)) {
            throw SvcaliasException.usage("--domain " + d + " is the cluster domain " + clusterDomain
                    + " or inside it, which the kubernetes plugin serves", "pick a zone of its own, e.g. --domain internal");
        }
        if (clusterDomain.endsWith("." + d)) {
            throw SvcaliasException.usage("--domain " + d + " contains the cluster domain " + clusterDomain
                    + "; forwarding it would hide every Service name", "pick a zone of its own, e.g. --domain internal");
        }
        return d;
    }

    /**
     * A zone to remove (corefile remove, reset --domain): only a DNS name. Refusing to create a public-suffix or
     * reverse zone must not prevent removing svcalias's block for one that an older svcalias or a hand edit made.
     */
    public static String zoneToRemove(String domain) {
        return checkName(domain, "--domain");
    }

    /** Checks NAME on its own (before the zone is known), so a bad alias name is refused before connecting. */
    public static String validateAliasName(String name) {
        return checkName(name, "alias NAME");
    }

    /** Validates NAME.DOMAIN as an alias host and returns it. */
    public static String aliasHost(String name, String domain) {
        String n = checkName(name, "alias NAME");
        String host = n.endsWith("." + domain) ? n : n + "." + domain; // NAME may be given as a full host
        if (host.length() > 253) {
            throw SvcaliasException.usage("alias host " + host + " is longer than 253 characters", "use a shorter NAME");
        }
        return host;
    }

    private static boolean validLabels(String name) {
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String checkName(String raw, String what) {
        if (raw == null || raw.isBlank() || raw.equals(".")) {
            throw SvcaliasException.usage(what + " must not be empty or the root zone '.'", "give a name like internal");
        }
        String d = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        if (d.length() > 253) {
            throw SvcaliasException.usage(what + " " + Echo.quoted(raw) + " is longer than 253 characters",
                    "use a shorter name");
        }
        String lower = d.toLowerCase(java.util.Locale.ROOT);
        boolean validWhenLower = validLabels(lower);
        if (!d.equals(lower) && validWhenLower) {
            throw SvcaliasException.usage(what + " " + Echo.quoted(raw) + " has upper-case letters; Istio matches "
                    + "hosts case-sensitively", "use '" + lower + "'");
        }
        if (!validLabels(d)) {
            throw SvcaliasException.usage(what + " " + Echo.quoted(raw) + " is not a valid DNS name: each "
                    + "dot-separated label must be 1-63 characters of a-z, 0-9 and '-', starting and ending with a "
                    + "letter or digit", "use a name like " + (what.startsWith("--domain") ? "internal" : "my-fruits"));
        }
        return d;
    }
}
