package dev.svcalias.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;

/**
 * The conditional write of svcalias's custom resources (ServiceEntries, VirtualServices): a create when nothing was
 * read, else an update at the resourceVersion read, where a changed or since-deleted object is a conflict.
 */
final class ConditionalPut {
    private ConditionalPut() {}

    static GenericKubernetesResource put(
            MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> op,
            GenericKubernetesResource resource, String expectedResourceVersion, String what, ApiErrors errors) {
        String ns = resource.getMetadata().getNamespace();
        resource.getMetadata().setResourceVersion(expectedResourceVersion);
        if (expectedResourceVersion == null) {
            return errors.call("create " + what, () -> op.inNamespace(ns).resource(resource).create());
        }
        try {
            return op.inNamespace(ns).resource(resource).update();
        } catch (KubernetesClientException e) {
            if (ApiErrors.isNotFound(e)) { // deleted since it was read: as stale as a changed one
                throw new ConflictException(what, e);
            }
            throw errors.translate("update " + what, e);
        }
    }
}
