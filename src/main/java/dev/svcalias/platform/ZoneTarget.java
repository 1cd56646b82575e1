package dev.svcalias.platform;

import dev.svcalias.cluster.ConfigMapRef;

/** Where the kube-dns side of a zone is written on a platform. Data only: the app layer turns it into a plan. */
public sealed interface ZoneTarget {
    /** The object written, as kubectl names it. */
    String describe();

    /** Calls the visitor's method for this kind of target. */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of target: whoever writes zones handles all of them, or does not compile. */
    interface Visitor<R> {
        R corefileBlock(CorefileBlock target);

        R customServerKey(CustomServerKey target);

        R chartImport(ChartImport target);

        R stubDomains(StubDomains target);

        R operatorServers(OperatorServers target);
    }

    /** A server block in a Corefile key of a ConfigMap (kubeadm, EKS, RKE2 without coredns-custom refused). */
    record CorefileBlock(ConfigMapRef corefile) implements ZoneTarget {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.corefileBlock(this);
        }

        @Override
        public String describe() {
            return corefile.toString();
        }
    }

    /**
     * A {@code <name>.server} key in the side ConfigMap that the managed Corefile imports (AKS, k3s; RKE2 when the
     * chart was told to import it). {@code managed} is the Corefile that imports it: the block listens where its
     * root block listens and must not collide with its zones.
     */
    record CustomServerKey(ConfigMapRef custom, ConfigMapRef managed) implements ZoneTarget {
        /** The data key for a zone: {@code svcalias-internal.server}, matched by the {@code *.server} import. */
        public static String keyFor(String zone) {
            return "svcalias-" + zone + ".server";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.customServerKey(this);
        }

        @Override
        public String describe() {
            return custom.toString();
        }
    }

    /**
     * RKE2: a {@code <name>.server} key in coredns-custom ({@code key}), imported by the rke2-coredns chart's
     * Corefile because svcalias's HelmChartConfig {@code helmChartConfig} (kube-system/rke2-coredns) tells the
     * chart to ({@link ChartImportValues}). {@code corefileImports}: the rendered Corefile already has the import.
     */
    record ChartImport(CustomServerKey key, String namespace, String helmChartConfig, boolean corefileImports)
            implements ZoneTarget {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.chartImport(this);
        }

        @Override
        public String describe() {
            return key.describe() + " (imported through helmchartconfig " + namespace + "/" + helmChartConfig + ")";
        }
    }

    /** An entry of the JSON map {@code stubDomains} in kube-dns's ConfigMap (GKE, and kube-dns anywhere). */
    record StubDomains(ConfigMapRef configMap) implements ZoneTarget {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.stubDomains(this);
        }

        @Override
        public String describe() {
            return configMap.toString() + " (stubDomains)";
        }
    }

    /** An entry of {@code spec.servers} in OpenShift's {@code dns.operator.openshift.io/default}. */
    record OperatorServers(String name) implements ZoneTarget {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.operatorServers(this);
        }

        @Override
        public String describe() {
            return "dns.operator.openshift.io/" + name;
        }
    }
}
