package dev.svcalias.corefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 4: a root block that binds (`bind 127.0.0.2`) answers every query to that address, so svcalias's
 * block must listen where the root block listens, or it is never reached. The bind line is copied as written.
 */
class RootBindTest {
    private static final String BOUND = ".:53 {\n    errors\n    bind 127.0.0.2\n    forward . /etc/resolv.conf\n}\n";

    @Test
    void theStubDomainBlockBindsWhereTheRootBlockBinds() {
        String added = Corefiles.addStubDomain(BOUND, "internal", "10.96.100.53");
        assertThat(added).startsWith(BOUND).contains("internal:53 {\n    bind 127.0.0.2\n    errors\n");
        assertThat(Corefiles.removeZone(added, "internal")).isEqualTo(BOUND);
        assertThat(Corefiles.addStubDomain(added, "internal", "10.96.100.53")).isEqualTo(added);
    }

    @Test
    void theIstioRouteBlockBindsToo() {
        String added = Corefiles.addIstioRoute(BOUND, "internal", CoreDnsVersion.parse("1.6.2"));
        assertThat(added).contains("internal:53 {\n    bind 127.0.0.2\n    errors\n");
    }

    @Test
    void theAliasZoneBindsAndSendsItsRewrittenQueriesToTheBoundAddress() {
        String added = Corefiles.putAliasZone(BOUND, "internal", ManagedZone.Kind.COREDNS_ALIASES, "svcalias-aliases",
                "-0a1b2c3d", "cluster.local");
        assertThat(added).contains("internal:53 {\n    bind 127.0.0.2\n").contains("forward . 127.0.0.2:53\n")
                .doesNotContain("127.0.0.1:53");
    }

    @Test
    void severalAddressesAnInterfaceAndANestedBlockAreCopiedAsWritten() {
        String text = ".:53 {\n\tbind 127.0.0.2 ::1\n\tbind lo {\n\t\texcept 127.0.0.1\n\t}\n\twhoami\n}\n";
        String added = Corefiles.addStubDomain(text, "internal", "10.96.100.53");
        assertThat(added).contains("internal:53 {\n\tbind 127.0.0.2 ::1\n\tbind lo {\n\t\texcept 127.0.0.1\n\t}\n"
                + "\terrors\n");
    }

    @Test
    void rootBlocksThatBindDifferentlyAreRefusedSayingWhy() {
        String text = ".:53 {\n    bind 127.0.0.2\n    whoami\n}\n.:5353 {\n    whoami\n}\n";
        assertThatThrownBy(() -> Corefiles.addStubDomain(text, "internal", "10.96.100.53"))
                .isInstanceOf(CorefileException.class)
                .hasMessageContaining("bind").hasMessageContaining("line 1").hasMessageContaining("line 5");
    }

    @Test
    void anAliasZoneNeedsAnAddressItCanSendItsQueriesTo() {
        String text = ".:53 {\n    bind eth0\n    whoami\n}\n";
        assertThat(Corefiles.addStubDomain(text, "internal", "10.96.100.53")).contains("    bind eth0\n    errors\n");
        assertThatThrownBy(() -> Corefiles.putAliasZone(text, "internal", ManagedZone.Kind.COREDNS_ALIASES,
                "svcalias-aliases", "-0a1b2c3d", "cluster.local")).isInstanceOf(CorefileException.class)
                .hasMessageContaining("bind eth0");
    }

    @Test
    void withoutBindNothingChanges() {
        String text = ".:53 {\n    errors\n    forward . /etc/resolv.conf\n}\n";
        assertThat(Corefiles.addStubDomain(text, "internal", "10.96.100.53")).doesNotContain("bind")
                .contains("internal:53 {\n    errors\n");
    }
}
