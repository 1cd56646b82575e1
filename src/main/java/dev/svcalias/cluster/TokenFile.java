package dev.svcalias.cluster;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A bearer token kept in a file (a kubeconfig's tokenFile, a pod's service-account token), read again whenever the
 * file changes: projected service-account tokens are rotated in place while a command runs.
 */
final class TokenFile implements OAuthTokenProvider {
    private final Path file;
    private final String whose;
    private Object readVersion;
    private String token;

    /** @param whose "tokenFile of user \"ci\"", for messages */
    TokenFile(Path file, String whose) {
        this.file = file;
        this.whose = whose;
    }

    @Override
    public synchronized String getToken() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Object version = attributes.lastModifiedTime() + "/" + attributes.size() + "/" + attributes.fileKey();
            if (!version.equals(readVersion)) {
                token = Files.readString(file).trim();
                readVersion = version;
            }
            return token;
        } catch (NoSuchFileException e) {
            throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, "the " + whose + " does not exist: " + file,
                    "check the path in the kubeconfig (kubectl config view), or log in again to write the token");
        } catch (IOException e) {
            throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, "cannot read the " + whose + " " + file + ": "
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage()),
                    "check the file's permissions");
        }
    }
}
