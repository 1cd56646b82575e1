package dev.svcalias.corefile;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Issue 9, defect 5: what real CoreDNS (1.14.7, the testbed's) refuses to load, svcalias refuses too, and a marker
 * that names another zone than its block is damage, never a reason to append a second block for the zone.
 */
class CorednsRefusalsTest {
    private static final String ROOT = ".:53 {\n    errors\n    forward . /etc/resolv.conf\n}\n";

    @Test
    void twoBlocksForTheSameKeyAfterNormalisation() {
        // CoreDNS: "cannot serve dns://.:53 - it is already defined"
        assertThatThrownBy(() -> Corefiles.check(ROOT + ". {\n    whoami\n}\n"))
                .isInstanceOf(CorefileSyntaxException.class)
                .hasMessageContaining("line 5").hasMessageContaining("dns://.:53").hasMessageContaining("line 1");
        assertThatThrownBy(() -> Corefiles.check(ROOT + "internal:53 {\n}\nInternal.:53 {\n}\n"))
                .isInstanceOf(CorefileSyntaxException.class).hasMessageContaining("dns://internal.:53");
        assertThatThrownBy(() -> Corefiles.check(ROOT + "internal:53 dns://internal.:53 {\n}\n"))
                .isInstanceOf(CorefileSyntaxException.class).hasMessageContaining("dns://internal.:53");
    }

    @Test
    void otherPortsAndSchemesAreOtherKeys() {
        assertThatCode(() -> Corefiles.check(ROOT + ".:5353 {\n}\ntls://.:53 {\n}\ninternal:53 {\n}\n"))
                .doesNotThrowAnyException();
    }

    @Test
    void aBraceLessBlockFollowedByWhatReadsAsAnotherBlock() {
        // CoreDNS: "Unknown directive 'extra'"
        assertThatThrownBy(() -> Corefiles.check(".:53\nwhoami\nextra {\n}\n"))
                .isInstanceOf(CorefileSyntaxException.class).hasMessageContaining("line 3");
        // a known plugin with a block is fine in a brace-less block
        assertThatCode(() -> Corefiles.check(".:53\nwhoami\nforward . 1.1.1.1 {\n}\nhealth {\n}\n"))
                .doesNotThrowAnyException();
    }

    @Test
    void aMarkerNamingAnotherZoneThanItsBlockIsDamage() {
        String added = Corefiles.addStubDomain(ROOT, "other", "10.96.100.53");
        String damaged = added.replace("other:53 {", "internal:53 {");
        assertThatThrownBy(() -> Corefiles.addStubDomain(damaged, "internal", "10.96.100.53"))
                .isInstanceOf(CorefileException.class)
                .hasMessageContaining("zone other").hasMessageContaining("internal:53");
        assertThatThrownBy(() -> Corefiles.removeZone(damaged, "other")).isInstanceOf(CorefileException.class);
        assertThatThrownBy(() -> Corefiles.check(damaged)).isInstanceOf(CorefileException.class);
    }

    @Test
    void checkRefusesAPluginNoCoreDnsShips() {
        // CoreDNS: "Unknown directive 'forwrd'"
        String typo = ".:53 {\n    errors\n    forwrd . 1.1.1.1\n}\n";
        assertThatCode(() -> Corefiles.check(typo)).doesNotThrowAnyException(); // edits leave external plugins be
        assertThatThrownBy(() -> Corefiles.checkLoadable(typo)).isInstanceOf(CorefileSyntaxException.class)
                .hasMessageStartingWith("line 3, column 5: unknown plugin 'forwrd'");
    }

    @Test
    void checkRefusesAOncePerBlockPluginTwiceAlsoThroughASnippet() {
        // CoreDNS: "plugin/cache: this plugin can only be used once per Server Block"
        assertThatThrownBy(() -> Corefiles.checkLoadable(".:53 {\n    cache 30\n    errors\n    cache 10\n}\n"))
                .isInstanceOf(CorefileSyntaxException.class)
                .hasMessageStartingWith("line 4, column 5: plugin 'cache' appears a second time in one server block "
                        + "(first at line 2)");
        assertThatThrownBy(() -> Corefiles.checkLoadable("(common) {\n    errors\n}\n.:53 {\n    import common\n"
                + "    errors\n}\n")).isInstanceOf(CorefileSyntaxException.class).hasMessageContaining("'errors'");
        // log and forward (since 1.9.4) may repeat; the same plugin in two blocks is fine
        assertThatCode(() -> Corefiles.checkLoadable(".:53 {\n    log\n    log . {class error}\n    cache\n}\n"
                + "internal:53 {\n    cache\n}\n")).doesNotThrowAnyException();
    }
}
