package dev.svcalias.naming;

import dev.svcalias.error.Echo;
import dev.svcalias.error.SvcaliasException;
import java.util.regex.Pattern;

/** Kubernetes object names, checked before any API call: namespaces are DNS-1123 labels, other names subdomains. */
public final class KubeNames {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private KubeNames() {}

    public static String namespace(String flag, String value) {
        if (value == null || !LABEL.matcher(value).matches()) {
            throw SvcaliasException.usage(flag + " " + Echo.quoted(value) + " is not a valid namespace (1-63 "
                    + "characters of a-z, 0-9 and '-', starting and ending with a letter or digit)",
                    "e.g. " + flag + " istio-system (kubectl get namespaces lists them)");
        }
        return value;
    }

    public static String name(String flag, String value) {
        if (value == null || value.length() > 253 || !SUBDOMAIN.matcher(value).matches()) {
            throw SvcaliasException.usage(flag + " " + Echo.quoted(value) + " is not a valid Kubernetes name "
                    + "(lower-case letters, digits, '-' and '.', starting and ending with a letter or digit)",
                    "e.g. " + flag + " coredns");
        }
        return value;
    }

    /** A DNS-1123 label (one part of a Service's name or namespace). */
    static boolean label(String value) {
        return LABEL.matcher(value).matches();
    }
}
