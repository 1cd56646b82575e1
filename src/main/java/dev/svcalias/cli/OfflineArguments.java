package dev.svcalias.cli;

import dev.svcalias.app.zone.DnsChain;
import dev.svcalias.corefile.CoreDnsVersion;
import dev.svcalias.corefile.CorefileException;
import dev.svcalias.corefile.CorefileSyntaxException;
import dev.svcalias.error.Echo;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.naming.DomainRules;
import dev.svcalias.output.Format;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Validation shared by the offline corefile commands, where there is no cluster to ask. */
final class OfflineArguments {
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

    private OfflineArguments() {}

    /** The checks that need no Corefile, made before any input is read. */
    static String zone(String domain) {
        return DomainRules.validateZone(domain);
    }

    /** The zone checked against every zone the Corefile's kubernetes plugin serves, as init does. */
    static String zone(String domain, CorefileInput input, String corefile) {
        return DomainRules.validateZone(domain, inFile(input, () -> DnsChain.kubernetesZones(corefile)));
    }

    /** A zone to remove: any DNS name but the file's cluster domain (public suffixes included, see DomainRules). */
    static String zoneToRemove(String domain, CorefileInput input, String corefile) {
        return DomainRules.zoneToRemove(domain, inFile(input, () -> DnsChain.clusterDomain(corefile)));
    }

    /**
     * The corefile commands print a Corefile (check prints nothing), byte for byte: a Corefile has no JSON or YAML
     * form, so -o json or -o yaml is a usage error rather than ignored (ADR 0173).
     */
    static void corefileOutput(CliContext context) {
        Format format = context.format();
        if (format != Format.TABLE) {
            throw SvcaliasException.usage("-o " + format + " does not apply to 'corefile' commands: each prints the "
                    + "Corefile itself, byte for byte (check prints nothing and answers with its exit code)",
                    "leave -o out; to read a Corefile into another tool, take the printed text as it is");
        }
    }

    static String ip(String text) {
        if (!IPV4.matcher(text).matches() && !(text.contains(":") && text.matches("[0-9a-fA-F:]+"))) {
            throw SvcaliasException.usage("--forward-to " + Echo.quoted(text) + " is not an IP address",
                    "give istiocoredns's ClusterIP, e.g. 10.96.100.53");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(text); // a literal (checked above): no lookup
        } catch (UnknownHostException e) {
            throw SvcaliasException.usage("--forward-to " + Echo.quoted(text) + " is not an IP address",
                    "give istiocoredns's ClusterIP, e.g. 10.96.100.53");
        }
        String why = address.isAnyLocalAddress() ? "the unspecified address"
                : address.isLoopbackAddress() ? "a loopback address (kube-dns would forward to itself: a loop)"
                : address.isMulticastAddress() ? "a multicast address"
                : text.equals("255.255.255.255") ? "the broadcast address" : null;
        if (why != null) {
            throw SvcaliasException.usage("--forward-to " + text + " is " + why + ", never a ClusterIP",
                    "give istiocoredns's ClusterIP (kubectl -n istio-system get service istiocoredns), e.g. "
                            + "10.96.100.53");
        }
        return text;
    }

    static CoreDnsVersion version(String text) {
        try {
            return CoreDnsVersion.parse(text);
        } catch (CorefileException | IllegalArgumentException e) {
            throw SvcaliasException.usage("--coredns-version " + text + ": " + e.getMessage(), "e.g. 1.6.2");
        }
    }

    /** Runs an engine call, naming the input in its error so "line L, column C" can be found. */
    static <T> T inFile(CorefileInput input, Supplier<T> call) {
        try {
            return call.get();
        } catch (CorefileSyntaxException e) {
            throw new SvcaliasException(ExitCode.USAGE, input.name() + ": " + e.getMessage(),
                    "fix the Corefile; svcalias never edits a file it cannot parse", e);
        } catch (CorefileException e) {
            throw new SvcaliasException(ExitCode.CLUSTER_STATE, input.name() + ": " + e.what(), e.hint(), e);
        }
    }
}
