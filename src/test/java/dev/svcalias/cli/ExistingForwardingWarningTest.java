package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.corefile.Corefiles;
import dev.svcalias.testing.CliRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 9, defect 6: forwarding that svcalias's block would silently take over is warned about. */
class ExistingForwardingWarningTest {
    private static final String ROOT = ".:53 {\n    errors\n    forward internal 1.2.3.4\n    forward . /etc/resolv.conf\n}\n";

    @Test
    void theEngineNamesARootForwardAParentAndAChildBlock() {
        assertThat(Corefiles.overlaps(ROOT, "internal")).singleElement().asString()
                .contains("line 3").contains("forward internal 1.2.3.4");
        String parent = ".:53 {\n    forward . /etc/resolv.conf\n}\nexample.com:53 {\n    forward . 9.9.9.9\n}\n";
        assertThat(Corefiles.overlaps(parent, "svc.example.com")).singleElement().asString()
                .contains("line 4").contains("example.com").contains("parent");
        String child = ".:53 {\n    forward . /etc/resolv.conf\n}\nlegacy.internal:53 {\n    forward . 9.9.9.9\n}\n";
        assertThat(Corefiles.overlaps(child, "internal")).singleElement().asString()
                .contains("line 4").contains("legacy.internal").contains("inside");
        assertThat(Corefiles.overlaps(ROOT, "mesh")).isEmpty();
    }

    @Test
    void offlineStubDomainWarnsOnStderrAndStillWrites() {
        CliRun run = CliRun.runWith(Map.of(), ROOT, "corefile", "stub-domain", "--domain", "internal",
                "--forward-to", "10.96.100.53");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).startsWith("warning: ").contains("forward internal 1.2.3.4").hasLineCount(1);
        assertThat(run.out()).startsWith(ROOT).contains("internal:53 {");
    }
}
