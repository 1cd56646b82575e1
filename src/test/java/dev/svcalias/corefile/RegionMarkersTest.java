package dev.svcalias.corefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** svcalias's markers: what counts as its region, and damage that is refused rather than guessed around. */
class RegionMarkersTest {
    private static final String ROOT = ".:53 {\n    errors\n    forward . /etc/resolv.conf\n}\n";
    private static final String ADDED = Corefiles.addStubDomain(ROOT, "internal", "10.96.100.53");
    private static final String BY_HAND = "; remove the svcalias lines for that zone by hand and run svcalias again";

    @Test
    void theRegionIsMarkedWholeBlockAppendedAfterEverythingElse() {
        assertThat(ADDED).isEqualTo(ROOT
                + "# svcalias:begin zone=internal kind=stub-domain - managed by svcalias, edits between these markers "
                + "are overwritten\n"
                + "internal:53 {\n"
                + "    errors\n"
                + "    cache 30\n"
                + "    template IN AAAA internal {\n"
                + "        rcode NOERROR\n"
                + "        authority \"internal. 30 IN SOA ns.dns.internal. hostmaster.internal. 1 7200 1800 86400 30\"\n"
                + "    }\n"
                + "    forward . 10.96.100.53\n"
                + "}\n"
                + "# svcalias:end zone=internal\n");
        assertThat(Corefiles.managedZones(ADDED)).containsExactly(
                new ManagedZone("internal", ManagedZone.Kind.STUB_DOMAIN, "10.96.100.53", 5));
    }

    @Test
    void aBeginWithoutItsEndIsRefusedEverywhere() {
        String noEnd = ADDED.replace("# svcalias:end zone=internal", "# gone");
        String message = "line 5: svcalias begin marker for zone internal has no matching '# svcalias:end "
                + "zone=internal' line after it" + BY_HAND;
        assertThatThrownBy(() -> Corefiles.removeZone(noEnd, "internal")).hasMessage(message);
        assertThatThrownBy(() -> Corefiles.addStubDomain(noEnd, "internal", "1.2.3.4")).hasMessage(message);
        assertThatThrownBy(() -> Corefiles.managedZones(noEnd)).hasMessage(message);
        assertThatThrownBy(() -> Corefiles.addStubDomain(noEnd, "other", "1.2.3.4")).hasMessage(message);
    }

    @Test
    void anEndForAnotherZoneIsNotAnEnd() {
        String wrongEnd = ADDED.replace("# svcalias:end zone=internal", "# svcalias:end zone=other");
        assertThatThrownBy(() -> Corefiles.managedZones(wrongEnd)).isInstanceOf(CorefileException.class)
                .hasMessageStartingWith("line 5: svcalias begin marker for zone internal has no matching");
    }

    @Test
    void anEndWithoutABeginIsRefused() {
        String noBegin = ADDED.replaceFirst("# svcalias:begin[^\n]*", "# gone");
        assertThatThrownBy(() -> Corefiles.managedZones(noBegin))
                .hasMessage("line 15: svcalias end marker without a begin marker" + BY_HAND);
    }

    @Test
    void aSecondRegionForTheZoneIsRefusedWhateverItsKind() {
        String twice = ADDED + ADDED.substring(ROOT.length());
        // two blocks for internal:53 is what CoreDNS refuses first ("already defined"), so the parser says so
        assertThatThrownBy(() -> Corefiles.managedZones(twice)).hasMessage("line 17, column 1: cannot serve "
                + "dns://internal.:53 - it is already defined (by 'internal:53' at line 6); CoreDNS refuses to load a "
                + "Corefile with two blocks for one zone and port");
        String istio = Corefiles.addIstioRoute(ROOT, "internal", CoreDnsVersion.parse("1.6.2"));
        String mixed = ADDED + istio.substring(ROOT.length());
        assertThatThrownBy(() -> Corefiles.removeZone(mixed, "internal")).hasMessageContaining("already defined");
        // on another port the second region is svcalias's own damage
        String otherPort = ADDED + ADDED.substring(ROOT.length()).replace("internal:53 {", "internal:1053 {");
        assertThatThrownBy(() -> Corefiles.managedZones(otherPort))
                .hasMessage("line 16: a second svcalias block for zone internal (the first is at line 5)" + BY_HAND);
    }

    @Test
    void aRegionMustHoldExactlyOneWholeBlock() {
        String emptied = ADDED.replaceAll("(?s)internal:53 \\{.*?\\n\\}\\n", "");
        String two = ADDED.replace("# svcalias:end", "extra:53 {\n}\n# svcalias:end");
        String withImport = ADDED.replace("# svcalias:end", "import more/*.server\n# svcalias:end");
        for (String damaged : new String[] {emptied, two, withImport}) {
            assertThatThrownBy(() -> Corefiles.managedZones(damaged)).hasMessage("line 5: the svcalias block for "
                    + "zone internal no longer holds exactly one server block between its markers" + BY_HAND);
        }
        // the markers moved inside someone else's block
        String inside = ".:53 {\n    errors\n" + ADDED.substring(ROOT.length()).replaceAll("(?m)^", "    ") + "}\n";
        assertThatCode(() -> Corefiles.parse(inside)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Corefiles.managedZones(inside)).hasMessageContaining("no longer holds exactly one");
    }

    @Test
    void aDamagedBeginLineOrUnknownKindIsRefused() {
        String damaged = ADDED.replace("kind=stub-domain", "kind-stub-domain");
        assertThatThrownBy(() -> Corefiles.managedZones(damaged)).hasMessageStartingWith(
                "line 5: damaged svcalias begin marker (expected '# svcalias:begin zone=ZONE kind=KIND')");
        String unknown = ADDED.replace("kind=stub-domain", "kind=other");
        assertThatThrownBy(() -> Corefiles.managedZones(unknown)).hasMessageStartingWith(
                "line 5: unknown svcalias block kind 'other'");
    }

    @Test
    void aRegionWithoutItsUpstreamLineIsReported() {
        String noForward = ADDED.replace("    forward . 10.96.100.53\n", "");
        assertThatThrownBy(() -> Corefiles.managedZones(noForward)).hasMessageStartingWith(
                "line 5: the svcalias block for zone internal has no forward line");
        // adding again rewrites what svcalias owns
        assertThat(Corefiles.addStubDomain(noForward, "internal", "10.96.100.53")).isEqualTo(ADDED);
    }

    @Test
    void handEditsInsideTheRegionAreOverwrittenAndEditsOutsideKept() {
        String edited = ADDED.replace("cache 30", "cache 300").replace("    errors\n    forward", "    log\n    forward");
        String again = Corefiles.addStubDomain(edited, "internal", "10.96.100.53");
        assertThat(again).contains("cache 30\n").doesNotContain("cache 300").contains("    log\n    forward . /etc");
        assertThat(Corefiles.removeZone(again, "internal")).isEqualTo(ROOT.replace("    errors\n    forward",
                "    log\n    forward"));
    }

    @Test
    void aRegionFollowedByOtherTextIsReplacedInPlaceAndRemovedCleanly() {
        String after = ADDED + "example.org {\n    whoami\n}\n";
        String repointed = Corefiles.addStubDomain(after, "internal", "10.0.0.9");
        assertThat(repointed).endsWith("# svcalias:end zone=internal\nexample.org {\n    whoami\n}\n")
                .contains("forward . 10.0.0.9\n");
        assertThat(Corefiles.removeZone(repointed, "internal")).isEqualTo(ROOT + "example.org {\n    whoami\n}\n");
    }
}
