package dev.svcalias.plan;

import dev.svcalias.cluster.VirtualServiceRecord;

/** Delete a VirtualService svcalias manages (conditional on the resourceVersion read). */
public record VirtualServiceDelete(VirtualServiceRecord route, String summary) implements Change {
    @Override
    public String target() {
        return "virtualservice " + route.namespace() + "/" + route.name();
    }
}
