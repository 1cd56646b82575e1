package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.cluster.ClusterConnector;
import dev.svcalias.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9, defects 10 and 12: every input is checked before the first API call; bad input is exit 2 with one line,
 * and svcalias never connects (the connector records any attempt).
 */
class ValidateBeforeConnectingTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "init --domain Bad!",
            "init --domain com",
            "init --domain internal --coredns-version x.y",
            "init --domain internal --istio-namespace Bad_NS!",
            "init --domain internal --kube-dns-configmap nope",
            "init --domain internal --kube-dns-configmap kube-system/Bad_Name",
            "init --domain internal --istio-configmap bad/name",
            "init --domain internal --istiocoredns-service Bad!",
            "init --domain internal --kube-dns-deployment -x",
            "alias add My_Alias fruits-api-service.micro-shake-factory",
            "alias add my-fruits bad!target",
            "alias add my-fruits fruits-api-service -n Bad_NS",
            "alias add my-fruits fruits-api-service.micro-shake-factory --domain x!",
            "alias add my-fruits fruits-api-service.micro-shake-factory --domain com",
            "init --domain internal --wait --dry-run",
            "alias add my-fruits fruits-api-service.micro-shake-factory --dry-run --wait",
            "init --domain internal --wait --timeout 3x",
            "alias add my-fruits fruits-api-service.micro-shake-factory --wait --nameserver 10.0.0.1:99999",
            "alias add my-fruits fruits-api-service.micro-shake-factory --wait --probe-namespace Bad!",
            "alias remove bad!",
            "alias remove ok --domain a..b",
            "verify bad!",
            "verify --nameserver not_a_host!!",
            "verify --nameserver 10.0.0.1:99999",
            "verify --timeout 3x",
            "verify --interval 0s",
            "verify --probe-namespace Bad!",
            "verify --domain a..b",
            "reset --domain Bad!",
            "status --istio-namespace Bad_NS!",
            "reset --kube-dns-configmap /coredns",
            "init --domain internal --platform nope",
            "status --platform minikube",
            // issue 17, items 12 and 14
            "verify --timeout 99999999999999h",
            "verify --timeout 99999999999999999999999s",
            "verify --interval 9000000h",
            "alias add my-fruits fruits-api-service.micro-shake-factory -n other",
            "alias add my-fruits fruits-api-service.micro-shake-factory.svc.cluster.local -n other"})
    void badInputIsExit2WithoutConnecting(String command) {
        List<String> connects = new ArrayList<>();
        ClusterConnector recording = (kubeconfig, context) -> {
            connects.add(command);
            throw new AssertionError("connected for: " + command);
        };
        CliRun run = CliRun.runWith(recording, Map.of(), "", command.split(" "));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).as(run.toString()).hasLineCount(1).startsWith("error: ").contains("; fix: ");
        assertThat(connects).isEmpty();
    }
}
