package dev.svcalias.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link DnsOperator} as a generic resource (no OpenShift model on the classpath). The write GETs the object,
 * checks the resourceVersion, edits spec.servers as raw maps (other entries and fields stay as the server has
 * them) and PUTs with that resourceVersion.
 */
final class Fabric8DnsOperator implements DnsOperator {
    static final ResourceDefinitionContext DNS = new ResourceDefinitionContext.Builder()
            .withGroup("operator.openshift.io").withVersion("v1").withKind("DNS").withPlural("dnses")
            .withNamespaced(false).build();
    private final KubernetesClient client;
    private final ApiErrors errors;

    Fabric8DnsOperator(KubernetesClient client, ApiErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    @Override
    public Optional<OperatorDnsSnapshot> read(String name) {
        return Optional.ofNullable(get(name)).map(Fabric8DnsOperator::snapshot);
    }

    @Override
    public OperatorDnsSnapshot write(OperatorDnsSnapshot read, String serverName, Optional<OperatorServer> server) {
        GenericKubernetesResource dns = get(read.name());
        if (dns == null || !read.resourceVersion().equals(dns.getMetadata().getResourceVersion())) {
            throw new ConflictException("dns.operator.openshift.io/" + read.name(), null);
        }
        Map<String, Object> spec = map(dns.getAdditionalProperties().get("spec"));
        boolean hadServers = spec.containsKey("servers");
        List<Object> servers = new ArrayList<>(list(spec.get("servers")));
        int at = -1;
        for (int i = 0; i < servers.size(); i++) {
            if (serverName.equals(map(servers.get(i)).get("name"))) {
                at = i;
            }
        }
        if (server.isPresent()) {
            if (at >= 0) {
                servers.set(at, raw(server.get()));
            } else {
                servers.add(raw(server.get()));
            }
        } else if (at >= 0) {
            servers.remove(at);
        }
        if (servers.isEmpty() && !hadServers) {
            spec.remove("servers");
        } else {
            spec.put("servers", servers);
        }
        dns.getAdditionalProperties().put("spec", spec);
        dns.getMetadata().setResourceVersion(read.resourceVersion());
        try {
            return snapshot(client.genericKubernetesResources(DNS).resource(dns).update());
        } catch (KubernetesClientException e) {
            if (ApiErrors.isNotFound(e)) {
                throw new ConflictException("dns.operator.openshift.io/" + read.name(), e);
            }
            throw errors.translate("update dnses.operator.openshift.io " + read.name(), e);
        }
    }

    private GenericKubernetesResource get(String name) {
        return errors.call("get dnses.operator.openshift.io " + name,
                () -> client.genericKubernetesResources(DNS).withName(name).get());
    }

    private static Map<String, Object> raw(OperatorServer s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("zones", s.zones());
        m.put("forwardPlugin", new LinkedHashMap<>(Map.of("upstreams", s.upstreams())));
        return m;
    }

    private static OperatorDnsSnapshot snapshot(GenericKubernetesResource dns) {
        List<OperatorServer> servers = new ArrayList<>();
        for (Object o : list(map(dns.getAdditionalProperties().get("spec")).get("servers"))) {
            Map<String, Object> s = map(o);
            servers.add(new OperatorServer(String.valueOf(s.get("name")), strings(s.get("zones")),
                    strings(map(s.get("forwardPlugin")).get("upstreams"))));
        }
        return new OperatorDnsSnapshot(dns.getMetadata().getName(), dns.getMetadata().getResourceVersion(), servers);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static List<String> strings(Object o) {
        return list(o).stream().map(String::valueOf).toList();
    }
}
