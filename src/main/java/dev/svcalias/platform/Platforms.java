package dev.svcalias.platform;

import java.util.List;

/** Every platform, in the order detection tries them: the most specific first, kubeadm (the default) last. */
public final class Platforms {
    private Platforms() {}

    public static List<Platform> all() {
        return List.of(new OpenShiftPlatform(), new GkePlatform(), new GkeCloudDnsPlatform(), new Rke2Platform(),
                new AksPlatform(), new K3sPlatform(), new EksPlatform(), new KubeadmPlatform());
    }

    public static Platform byId(PlatformId id) {
        return all().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }
}
