package dev.svcalias.app.mode;

import dev.svcalias.corefile.CoreDnsVersion;
import dev.svcalias.corefile.CorefileException;
import java.util.Optional;

/** The CoreDNS version in an image reference's tag: "coredns/coredns:1.6.2", "eks/coredns:v1.8.7-eksbuild.4". */
final class ImageVersions {
    private ImageVersions() {}

    static Optional<CoreDnsVersion> fromImage(String image) {
        if (image == null) {
            return Optional.empty();
        }
        String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        if (colon <= slash) {
            return Optional.empty();
        }
        try {
            return Optional.of(CoreDnsVersion.parse(ref.substring(colon + 1)));
        } catch (CorefileException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
