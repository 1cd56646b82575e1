package dev.svcalias.cluster;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * A view of one of {@link Cluster}'s parts that asks {@code supplier} for the real part only when a method is
 * called: a use case may take the part at construction (ObservedCluster wraps VirtualServices) without building the
 * fabric8 client behind it in a run that never calls it.
 */
final class OnDemand {
    private OnDemand() {}

    static <T> T of(Class<T> type, Supplier<T> supplier) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "on-demand " + type.getSimpleName();
                };
            }
            try {
                return method.invoke(supplier.get(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(proxy);
    }
}
