package dev.svcalias.app.alias;

import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.error.SvcaliasException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * How the coredns and istio modes name an alias's ExternalName Service: NAME plus its zone's suffix, "-" and eight
 * hex digits of the zone's SHA-256, so the same NAME in two zones names two Services. kube-dns's block for the
 * zone rewrites NAME.ZONE to NAME-SUFFIX.svcalias-aliases.svc... by regex, which cannot hash NAME, so the suffix
 * is the zone's alone and NAME keeps at most {@value #MAX_NAME} characters (a Service name is one 63-character
 * DNS label). The alias and zone are also recorded in labels and annotations, which is what reads use.
 */
public final class AliasServiceNames {
    /** 63 minus the suffix "-" + 8 hex digits. */
    static final int MAX_NAME = 63 - 9;
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    private AliasServiceNames() {}

    /** "-" and the first eight hex digits of the zone's SHA-256: the zone's part of every alias Service name. */
    public static String suffix(String zone) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(zone.getBytes(StandardCharsets.UTF_8));
            return "-" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The Service name for NAME in ZONE; a usage error when NAME cannot be one (exit 2). */
    static String serviceName(String name, String zone) {
        if (!SERVICE_NAME.matcher(name).matches() || name.length() > MAX_NAME) {
            throw SvcaliasException.usage("alias NAME '" + name + "' cannot name a Service in "
                    + ExternalNameAliases.NAMESPACE + " (one label of a-z, 0-9 and '-', starting with a letter, at most "
                    + MAX_NAME + " characters: the Service name adds the zone's 9-character suffix)",
                    "use a name like my-fruits");
        }
        return name + suffix(zone);
    }

    /**
     * Whether the zone's kube-dns block rewrites to Services named by this scheme. A block an older svcalias wrote
     * rewrites to NAME alone: aliases added now would never answer, so the zone must be set up again first.
     */
    public static void requireCurrentBlock(ManagedZone zone) {
        if (zone.kind().aliasZone() && !zone.serviceSuffix().equals(suffix(zone.domain()))) {
            throw SvcaliasException.state("zone " + zone.domain() + " was set up by an older svcalias, whose alias "
                    + "Services were named NAME alone and so were shared by every zone",
                    "run 'svcalias init --domain " + zone.domain() + "' once: it renames the zone's aliases");
        }
    }
}
