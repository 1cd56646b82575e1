package dev.svcalias.app.alias;

import dev.svcalias.cluster.VirtualServiceRecord;
import dev.svcalias.cluster.VirtualServices;
import java.util.List;
import java.util.Map;

/**
 * {@link ObservedCluster}'s VirtualServices: listed from the live cluster once, on first use (only istio-mode
 * aliases need them, so other modes pay no request), then served from memory. Writes go to the live cluster.
 */
final class ObservedVirtualServices implements VirtualServices {
    private final VirtualServices live;
    private Boolean served;
    private List<VirtualServiceRecord> all;

    ObservedVirtualServices(VirtualServices live) {
        this.live = live;
    }

    @Override
    public synchronized boolean served() {
        if (served == null) {
            served = live.served();
        }
        return served;
    }

    @Override
    public synchronized List<VirtualServiceRecord> listAll() {
        if (all == null) {
            all = live.listAll();
        }
        return all;
    }

    @Override
    public VirtualServiceRecord apply(Map<String, Object> manifest, String expectedResourceVersion) {
        throw new UnsupportedOperationException("the observed cluster is read-only: write through the live one");
    }

    @Override
    public void delete(String namespace, String name, String expectedResourceVersion) {
        throw new UnsupportedOperationException("the observed cluster is read-only: write through the live one");
    }
}
