package dev.svcalias.cluster;

/** Where a Corefile lives: a ConfigMap and its data key. */
public record ConfigMapRef(String namespace, String name, String key) {
    public ConfigMapRef(String namespace, String name) {
        this(namespace, name, "Corefile");
    }

    @Override
    public String toString() {
        return "configmap " + namespace + "/" + name;
    }
}
