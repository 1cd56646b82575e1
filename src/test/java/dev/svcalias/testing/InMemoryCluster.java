package dev.svcalias.testing;

import dev.svcalias.cluster.AliasService;
import dev.svcalias.cluster.AliasServices;
import dev.svcalias.cluster.ApiUnreachableException;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.cluster.ConflictException;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.cluster.CorefileStore;
import dev.svcalias.cluster.ProbePods;
import dev.svcalias.cluster.ServiceEntries;
import dev.svcalias.cluster.ServiceEntryRecord;
import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.cluster.Services;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A Cluster in memory with the API server's rules that matter to svcalias (conditional writes by resourceVersion,
 * 409 on a stale one, create refused when the object exists) and failures on chosen calls. Every call is named
 * like "write configmap kube-system/coredns", "create serviceentry ns/name", "replace serviceentry ns/name",
 * "delete serviceentry ns/name"; {@link #failWhen} makes matching calls fail (exit 4, as an API 500 or 403 does)
 * and {@link #calls} records them all; {@link #loseAnswerWhen} lets matching writes land and then loses their answer.
 * Every kind svcalias writes is here: Corefiles, ServiceEntries, ExternalName Services and their namespace,
 * VirtualServices, single ConfigMap keys and OpenShift's DNS servers.
 */
public final class InMemoryCluster implements Cluster {
    /** The ready endpoints per "namespace/service" (a Service's CoreDNS replicas); none unless a test sets them. */
    public final java.util.Map<String, List<dev.svcalias.cluster.ServiceEndpoint>> readyEndpoints =
            new java.util.HashMap<>();
    private final Map<ConfigMapRef, CorefileSnapshot> configMaps = new LinkedHashMap<>();
    private final Map<String, ServiceInfo> services = new LinkedHashMap<>();
    private final Map<String, ServiceEntryRecord> entries = new TreeMap<>();
    private final Map<String, AliasService> aliasServices = new TreeMap<>();
    private final Map<String, Map<String, String>> namespaces = new TreeMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<Predicate<String>> failures = new ArrayList<>();
    private final List<Predicate<String>> lostAnswers = new ArrayList<>();
    private int resourceVersion = 100;
    private final InMemoryVirtualServices virtualServices = new InMemoryVirtualServices(this::call, this::next,
            this::landed);
    private final InMemoryConfigMapKeys keys = new InMemoryConfigMapKeys(this::call, this::next, this::landed);
    private final InMemoryDnsOperator operator = new InMemoryDnsOperator(this::call, this::next, this::landed);
    private final InMemoryHelmChartConfigs charts = new InMemoryHelmChartConfigs(this::call, this::next,
            this::landed);

    public InMemoryCluster corefile(ConfigMapRef ref, String text) {
        configMaps.put(ref, new CorefileSnapshot(ref, next(), text, Optional.empty()));
        return this;
    }

    public InMemoryCluster service(String namespace, String name, String clusterIP) {
        services.put(namespace + "/" + name, new ServiceInfo(namespace, name, "ClusterIP", clusterIP, null,
                List.of(new ServiceInfo.PortInfo("http", 80, "TCP"))));
        return this;
    }

    /** A Service with the ports given (deleted and created again: the same name with another ClusterIP). */
    public InMemoryCluster service(ServiceInfo service) {
        services.put(service.namespace() + "/" + service.name(), service);
        return this;
    }

    /** A Service of type ExternalName, which has no ClusterIP to alias. */
    public InMemoryCluster externalNameService(String namespace, String name, String externalName) {
        services.put(namespace + "/" + name, new ServiceInfo(namespace, name, "ExternalName", null, externalName,
                List.of()));
        return this;
    }

    /** The Service is deleted (a target that went away). */
    public InMemoryCluster removeService(String namespace, String name) {
        services.remove(namespace + "/" + name);
        return this;
    }

    /** Calls whose name matches fail from now on (until {@link #healed}). */
    public InMemoryCluster failWhen(Predicate<String> call) {
        failures.add(call);
        return this;
    }

    public InMemoryCluster healed() {
        failures.clear();
        lostAnswers.clear();
        return this;
    }

    /**
     * Writes whose name matches land, then their answer is lost: the connection breaks after the request went out,
     * as an ApiUnreachableException (exit 4) says (until {@link #healed}).
     */
    public InMemoryCluster loseAnswerWhen(Predicate<String> call) {
        lostAnswers.add(call);
        return this;
    }

    /** Ends a write that landed: its answer, unless it is to be lost. */
    private <T> T answer(String name, T result) {
        if (lostAnswers.stream().anyMatch(f -> f.test(name))) {
            throw new ApiUnreachableException("cannot reach the Kubernetes API server at memory: connection reset"
                    + " (after " + name + ")", "retry", null);
        }
        return result;
    }

    private void landed(String name) {
        answer(name, null);
    }

    /** A ConfigMap someone else made, for the platforms' single keys (coredns-custom, kube-dns's stubDomains). */
    public InMemoryCluster configMapData(String namespace, String name, Map<String, String> data) {
        keys.seed(namespace, name, data);
        return this;
    }

    /** A ConfigMap's data as the single-key writes left it; empty when it does not exist. */
    public Optional<Map<String, String>> configMapData(String namespace, String name) {
        return keys.data(namespace, name);
    }

    /** OpenShift's DNS resource {@code name} with these servers. */
    public InMemoryCluster dnsOperator(String name, List<dev.svcalias.cluster.OperatorServer> servers) {
        operator.seed(name, servers);
        return this;
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    public Optional<CorefileSnapshot> configMap(ConfigMapRef ref) {
        return Optional.ofNullable(configMaps.get(ref));
    }

    /** istio mode's VirtualServices by "namespace/name". */
    public Map<String, dev.svcalias.cluster.VirtualServiceRecord> virtualServiceMap() {
        return Map.copyOf(virtualServices.all());
    }

    /** Someone else edits a VirtualService's spec (a new resourceVersion). */
    public void editVirtualService(String key, Map<String, Object> spec) {
        virtualServices.replaceSpec(key, spec);
    }

    public List<ServiceEntryRecord> serviceEntryList() {
        return List.copyOf(entries.values());
    }

    /** Someone else edits the ConfigMap (a new resourceVersion, as kubectl edit would make). */
    public void editBehindTheBack(ConfigMapRef ref, String text) {
        CorefileSnapshot s = configMaps.get(ref);
        configMaps.put(ref, new CorefileSnapshot(ref, next(), text, s.backup()));
    }

    private String next() {
        return String.valueOf(++resourceVersion);
    }

    private void call(String name) {
        calls.add(name);
        if (failures.stream().anyMatch(f -> f.test(name))) {
            throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, "the API server answered 500 to " + name,
                    "retry later");
        }
    }

    @Override
    public CorefileStore corefiles() {
        return new CorefileStore() {
            @Override
            public Optional<CorefileSnapshot> read(ConfigMapRef ref) {
                return Optional.ofNullable(configMaps.get(ref));
            }

            @Override
            public CorefileSnapshot write(CorefileSnapshot read, String newCorefile, boolean dropBackup) {
                call("write " + read.ref());
                CorefileSnapshot current = configMaps.get(read.ref());
                if (current == null || !current.resourceVersion().equals(read.resourceVersion())) {
                    throw new ConflictException(read.ref().toString(), null);
                }
                Optional<String> backup = dropBackup ? Optional.empty()
                        : current.backup().or(() -> Optional.of(read.corefile()));
                CorefileSnapshot written = new CorefileSnapshot(read.ref(), next(), newCorefile, backup);
                configMaps.put(read.ref(), written);
                return answer("write " + read.ref(), written);
            }
        };
    }

    @Override
    public Services services() {
        return new Services() {
            @Override
            public Optional<ServiceInfo> service(String namespace, String name) {
                return Optional.ofNullable(services.get(namespace + "/" + name));
            }

            @Override
            public List<ServiceInfo> listAll() {
                call("list services");
                return List.copyOf(services.values());
            }

            @Override
            public boolean namespaceExists(String namespace) {
                return services.keySet().stream().anyMatch(k -> k.startsWith(namespace + "/"));
            }

            @Override
            public Optional<String> configMapValue(String namespace, String name, String key) {
                return Optional.empty();
            }

            @Override
            public boolean daemonSetExists(String namespace, String name) {
                return false;
            }

            @Override
            public Optional<String> deploymentImage(String namespace, String deployment, String container) {
                // the recipe: Istio 1.4's istiocoredns next to a current kube-dns
                return Optional.of(deployment.equals("istiocoredns") ? "coredns/coredns:1.6.2"
                        : "registry.k8s.io/coredns/coredns:v1.11.1");
            }

            @Override
            public List<String> nodeProviderIds() {
                return List.of();
            }

            @Override
            public List<dev.svcalias.cluster.ServiceEndpoint> readyEndpoints(String namespace, String service) {
                return readyEndpoints.getOrDefault(namespace + "/" + service, List.of());
            }

            @Override
            public int nudgePodsMounting(String namespace, String configMap) {
                call("nudge pods mounting configmap " + namespace + "/" + configMap);
                return 0;
            }

            @Override
            public void rolloutRestart(String namespace, String deployment) {
                call("restart deployment " + namespace + "/" + deployment);
            }
        };
    }

    @Override
    public ServiceEntries serviceEntries() {
        return new ServiceEntries() {
            @Override
            public String servedVersion() {
                return "v1";
            }

            @Override
            public List<ServiceEntryRecord> listAll() {
                return List.copyOf(entries.values());
            }

            @Override
            public List<ServiceEntryRecord> listManaged() {
                return entries.values().stream()
                        .filter(e -> "svcalias".equals(e.labels().get("app.kubernetes.io/managed-by"))).toList();
            }

            @Override
            @SuppressWarnings("unchecked")
            public ServiceEntryRecord apply(Map<String, Object> manifest, String expectedResourceVersion) {
                Map<String, Object> meta = (Map<String, Object>) manifest.get("metadata");
                String key = meta.get("namespace") + "/" + meta.get("name");
                ServiceEntryRecord current = entries.get(key);
                call((expectedResourceVersion == null ? "create" : "replace") + " serviceentry " + key);
                if (expectedResourceVersion == null ? current != null
                        : current == null || !current.resourceVersion().equals(expectedResourceVersion)) {
                    throw new ConflictException("serviceentry " + key, null);
                }
                Map<String, Object> spec = (Map<String, Object>) manifest.get("spec");
                ServiceEntryRecord written = new ServiceEntryRecord((String) meta.get("namespace"),
                        (String) meta.get("name"), next(), (List<String>) spec.get("hosts"),
                        (List<String>) spec.getOrDefault("addresses", List.of()),
                        (Map<String, String>) meta.getOrDefault("labels", Map.of()),
                        (Map<String, String>) meta.getOrDefault("annotations", Map.of()), manifest);
                entries.put(key, written);
                return answer((expectedResourceVersion == null ? "create" : "replace") + " serviceentry " + key,
                        written);
            }

            @Override
            public void delete(String namespace, String name) {
                call("delete serviceentry " + namespace + "/" + name);
                entries.remove(namespace + "/" + name);
            }

            @Override
            public void delete(String namespace, String name, String expectedResourceVersion) {
                call("delete serviceentry " + namespace + "/" + name);
                ServiceEntryRecord current = entries.get(namespace + "/" + name);
                if (current != null && expectedResourceVersion != null
                        && !current.resourceVersion().equals(expectedResourceVersion)) {
                    throw new ConflictException("serviceentry " + namespace + "/" + name, null);
                }
                entries.remove(namespace + "/" + name);
                answer("delete serviceentry " + namespace + "/" + name, null);
            }
        };
    }

    /** The coredns and istio modes' ExternalName Services, with the same conditional-write rules. */
    @Override
    public AliasServices aliasServices() {
        return new AliasServices() {
            @Override
            public List<AliasService> list(String namespace) {
                return aliasServices.values().stream().filter(s -> s.namespace().equals(namespace)).toList();
            }

            @Override
            public AliasService apply(AliasService service, String expectedResourceVersion) {
                String key = service.namespace() + "/" + service.name();
                AliasService current = aliasServices.get(key);
                call((expectedResourceVersion == null ? "create" : "replace") + " service " + key);
                if (expectedResourceVersion == null ? current != null
                        : current == null || !current.resourceVersion().equals(expectedResourceVersion)) {
                    throw new ConflictException("service " + key, null);
                }
                AliasService written = new AliasService(service.namespace(), service.name(), next(),
                        service.externalName(), service.labels(), service.annotations());
                aliasServices.put(key, written);
                return answer((expectedResourceVersion == null ? "create" : "replace") + " service " + key, written);
            }

            @Override
            public void delete(String namespace, String name, String expectedResourceVersion) {
                call("delete service " + namespace + "/" + name);
                AliasService current = aliasServices.get(namespace + "/" + name);
                // like the API server's delete precondition: a changed object is not deleted
                if (current != null && expectedResourceVersion != null
                        && !current.resourceVersion().equals(expectedResourceVersion)) {
                    throw new ConflictException("service " + namespace + "/" + name, null);
                }
                aliasServices.remove(namespace + "/" + name);
                landed("delete service " + namespace + "/" + name);
            }

            @Override
            public Optional<Map<String, String>> namespaceLabels(String namespace) {
                return Optional.ofNullable(namespaces.get(namespace));
            }

            @Override
            public void createNamespace(String namespace, Map<String, String> labels) {
                call("create namespace " + namespace);
                if (namespaces.putIfAbsent(namespace, Map.copyOf(labels)) != null) {
                    throw new ConflictException("namespace " + namespace, null);
                }
                landed("create namespace " + namespace);
            }

            @Override
            public void deleteNamespace(String namespace) {
                call("delete namespace " + namespace);
                namespaces.remove(namespace);
                landed("delete namespace " + namespace);
            }
        };
    }

    @Override
    public dev.svcalias.cluster.VirtualServices virtualServices() {
        return virtualServices;
    }

    @Override
    public ProbePods probePods() {
        throw new UnsupportedOperationException("no pods in memory");
    }

    /** Detection sees the Corefile ConfigMaps (no labels), no other workloads, no nodes: a kubeadm cluster. */
    @Override
    public dev.svcalias.cluster.Inventory inventory() {
        return new dev.svcalias.cluster.Inventory() {
            @Override
            public Optional<dev.svcalias.cluster.ObjectFacts> get(String kind, String namespace, String name) {
                CorefileSnapshot s = kind.equals("ConfigMap") ? configMaps.get(new ConfigMapRef(namespace, name))
                        : null;
                return Optional.ofNullable(s).map(c -> new dev.svcalias.cluster.ObjectFacts(kind, namespace, name,
                        Map.of(), Map.of(), Map.of("Corefile", c.corefile()), List.of(), List.of()));
            }

            @Override
            public List<dev.svcalias.cluster.NodeFacts> nodes() {
                return List.of();
            }

            @Override
            public boolean serves(String resource) {
                return false;
            }
        };
    }

    @Override
    public dev.svcalias.cluster.ConfigMapKeys configMapKeys() {
        return keys;
    }

    @Override
    public dev.svcalias.cluster.DnsOperator dnsOperator() {
        return operator;
    }

    @Override
    public dev.svcalias.cluster.HelmChartConfigs helmChartConfigs() {
        return charts;
    }

    @Override
    public String describe() {
        return "in-memory cluster";
    }

    @Override
    public void close() {}
}
