package dev.svcalias.corefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The coredns/istio modes' kube-dns block: its text, its record of the mode, the swap from another mode, removal. */
class AliasZoneEditTest {
    private static final String ROOT = ".:5353 {\n\terrors\n\tkubernetes cluster.local\n\tforward . /etc/resolv.conf\n}\n";

    @Test
    void theBlockRewritesOneLabelNamesIntoTheAliasesNamespaceAndForwardsToTheRootBlock() {
        String edited = Corefiles.putAliasZone(ROOT, "internal", ManagedZone.Kind.COREDNS_ALIASES, "svcalias-aliases",
                "-3bed2cb3", "cluster.local");
        assertThat(edited).startsWith(ROOT).isEqualTo(ROOT + """
                # svcalias:begin zone=internal kind=coredns - managed by svcalias, edits between these markers are overwritten
                internal:5353 {
                \terrors
                \trewrite stop {
                \t\tname regex ^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.internal\\.$ {1}-3bed2cb3.svcalias-aliases.svc.cluster.local.
                \t\tanswer name ^([a-z0-9]([-a-z0-9]*[a-z0-9])?)-3bed2cb3\\.svcalias-aliases\\.svc\\.cluster\\.local\\.$ {1}.internal.
                \t}
                \ttemplate ANY ANY internal {
                \t\trcode NXDOMAIN
                \t\tauthority "internal. 30 IN SOA ns.dns.internal. hostmaster.internal. 1 7200 1800 86400 30"
                \t}
                \tforward . 127.0.0.1:5353
                }
                # svcalias:end zone=internal
                """);
        assertThat(Corefiles.managedZone(edited, "internal")).hasValue(new ManagedZone("internal",
                ManagedZone.Kind.COREDNS_ALIASES, "127.0.0.1:5353", 6, "-3bed2cb3"));
        assertThat(Corefiles.putAliasZone(edited, "internal", ManagedZone.Kind.COREDNS_ALIASES, "svcalias-aliases",
                "-3bed2cb3", "cluster.local")).isEqualTo(edited);
        assertThat(Corefiles.removeZone(edited, "internal")).isEqualTo(ROOT);
    }

    @Test
    void aBlockAnOlderSvcaliasWroteHasNoServiceSuffix() {
        String older = Corefiles.putAliasZone(ROOT, "internal", ManagedZone.Kind.COREDNS_ALIASES, "svcalias-aliases",
                "", "cluster.local");
        assertThat(older).contains("{1}.svcalias-aliases.svc.cluster.local.");
        assertThat(Corefiles.managedZone(older, "internal").orElseThrow().serviceSuffix()).isEmpty();
    }

    @Test
    void anotherModesBlockIsSwappedAndRemovalStillGivesTheOriginal() {
        String istiocoredns = Corefiles.addStubDomain(ROOT, "internal", "10.96.100.53");
        String swapped = Corefiles.putAliasZone(istiocoredns, "internal", ManagedZone.Kind.ISTIO_ALIASES,
                "svcalias-aliases", "-3bed2cb3", "cluster.local");
        assertThat(swapped).contains("kind=istio").doesNotContain("kind=stub-domain").doesNotContain("10.96.100.53");
        assertThat(Corefiles.managedZones(swapped)).hasSize(1);
        assertThat(Corefiles.removeZone(swapped, "internal")).isEqualTo(ROOT);
    }

    @Test
    void onlyAliasZoneKindsAreAccepted() {
        assertThatThrownBy(() -> Corefiles.putAliasZone(ROOT, "internal", ManagedZone.Kind.STUB_DOMAIN,
                "svcalias-aliases", "-3bed2cb3", "cluster.local")).isInstanceOf(IllegalArgumentException.class);
    }
}
