package dev.svcalias.app.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.cluster.ProbePods;
import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.RecordType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe's shell script, run for real by the local sh with stand-ins for busybox's nslookup and wget on PATH:
 * what the pod would print, split per query; the meshed sidecar probe asks its sidecar to quit at the end.
 */
class PodDnsProbeTest {
    @TempDir
    Path bin;

    /** Plays the pod: runs the command locally, as the container would, and returns its output as the log. */
    private final class LocalPods implements ProbePods {
        final List<Meshing> meshings = new ArrayList<>();

        @Override
        public ProbeResult run(String namespace, String image, List<String> command, Duration timeout,
                               Meshing meshing) {
            meshings.add(meshing);
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
                pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
                Process p = pb.start();
                String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return new ProbeResult("svcalias-verify-meshed-abcde", p.waitFor() == 0 ? "Succeeded" : "Failed", log);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void tool(String name, String body) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        p.toFile().setExecutable(true);
    }

    private static final List<DnsProbe.Query> QUERIES = List.of(new DnsProbe.Query("my-fruits.internal", RecordType.A),
            new DnsProbe.Query("my-fruits.internal", RecordType.AAAA), new DnsProbe.Query("nobody.internal",
                    RecordType.A));

    @Test
    void theSidecarProbeAnswersPerQueryAndAsksItsSidecarToQuit() throws IOException {
        // busybox nslookup's output: the server's address first, then the answer (or NXDOMAIN)
        tool("nslookup", """
                echo "Server:  $3"; echo "Address: $3:53"; echo
                case "$1 $2" in
                  "-type=a my-fruits.internal") echo "Name:   my-fruits.internal"; echo "Address: 10.103.1.1" ;;
                  "-type=aaaa my-fruits.internal") echo "" ;;
                  *) echo "** server can't find $2: NXDOMAIN" ;;
                esac
                """);
        tool("wget", "echo \"$@\" > " + bin.resolve("wget.args") + "\n");
        LocalPods pods = new LocalPods();
        PodDnsProbe probe = new PodDnsProbe(pods, "default", "busybox:1.36", "10.96.0.10", Duration.ofSeconds(30),
                ProbePods.Meshing.SIDECAR);

        Map<DnsProbe.Query, DnsAnswer> answers = probe.resolve(QUERIES);

        assertThat(pods.meshings).containsExactly(ProbePods.Meshing.SIDECAR);
        assertThat(answers.get(QUERIES.get(0)).addresses()).containsExactly("10.103.1.1");
        assertThat(answers.get(QUERIES.get(1)).rcode()).isEqualTo("NOERROR");
        assertThat(answers.get(QUERIES.get(1)).addresses()).isEmpty();
        assertThat(answers.get(QUERIES.get(2)).rcode()).isEqualTo("NXDOMAIN");
        assertThat(Files.readString(bin.resolve("wget.args"))).contains("--post-data=")
                .contains("http://127.0.0.1:15020/quitquitquit");
        assertThat(probe.describe()).isEqualTo("10.96.0.10 (from a meshed pod in default, its sidecar's DNS proxy)");
    }

    @Test
    void eachQueryGoesToItsOwnServerTheClusterIpOrOneReplicasPodIp() throws IOException {
        // the replica at 198.18.0.12 still serves the old Corefile
        tool("nslookup", """
                echo "Server:  $3"; echo
                if [ "$3" = 198.18.0.12 ]; then echo "** server can't find $2: NXDOMAIN"; exit 1; fi
                echo "Name:   $2"; echo "Address: 10.103.1.1"
                """);
        LocalPods pods = new LocalPods();
        PodDnsProbe probe = new PodDnsProbe(pods, "default", "busybox:1.36", "10.96.0.10", Duration.ofSeconds(30));
        var viaClusterIp = new DnsProbe.Query("my-fruits.internal", RecordType.A);
        var replica1 = new DnsProbe.Query("my-fruits.internal", RecordType.A, "198.18.0.11");
        var replica2 = new DnsProbe.Query("my-fruits.internal", RecordType.A, "198.18.0.12");

        Map<DnsProbe.Query, DnsAnswer> answers = probe.resolve(List.of(viaClusterIp, replica1, replica2));

        assertThat(probe.reachesReplicas()).isTrue();
        assertThat(answers.get(viaClusterIp).addresses()).containsExactly("10.103.1.1");
        assertThat(answers.get(replica1).addresses()).containsExactly("10.103.1.1");
        assertThat(answers.get(replica2).rcode()).isEqualTo("NXDOMAIN");
        assertThat(new PodDnsProbe(pods, "default", "busybox:1.36", "10.96.0.10", Duration.ofSeconds(30),
                ProbePods.Meshing.SIDECAR).reachesReplicas()).as("a meshed pod's queries are captured").isFalse();
    }

    @Test
    void aSidecarThatCannotBeToldToQuitDoesNotFailTheProbeAndOnlyTheSidecarProbeAsks() throws IOException {
        tool("nslookup", "echo \"Name: $2\"; echo \"Address: 10.103.1.1\"\n");
        tool("wget", "touch " + bin.resolve("wget.called") + "; exit 1\n");
        LocalPods pods = new LocalPods();
        var sidecar = new PodDnsProbe(pods, "default", "busybox:1.36", "10.96.0.10", Duration.ofSeconds(30),
                ProbePods.Meshing.SIDECAR).resolve(QUERIES.subList(0, 1));
        assertThat(sidecar.get(QUERIES.get(0)).addresses()).containsExactly("10.103.1.1");
        assertThat(bin.resolve("wget.called")).exists();
        Files.delete(bin.resolve("wget.called"));

        var ambient = new PodDnsProbe(pods, "default", "busybox:1.36", "10.96.0.10", Duration.ofSeconds(30),
                ProbePods.Meshing.AMBIENT);
        assertThat(ambient.resolve(QUERIES.subList(0, 1)).get(QUERIES.get(0)).addresses()).containsExactly("10.103.1.1");
        assertThat(ambient.describe()).contains("ambient pod").contains("ztunnel");
        var plain = new PodDnsProbe(pods, "default", "busybox:1.36", "10.96.0.10", Duration.ofSeconds(30));
        plain.resolve(QUERIES.subList(0, 1));
        assertThat(bin.resolve("wget.called")).doesNotExist();
        assertThat(pods.meshings).containsExactly(ProbePods.Meshing.SIDECAR, ProbePods.Meshing.AMBIENT,
                ProbePods.Meshing.NONE);
    }
}
