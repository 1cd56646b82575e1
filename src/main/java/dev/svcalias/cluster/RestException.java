package dev.svcalias.cluster;

/**
 * A failed call of {@link KubeRest}: {@code code} is the HTTP status, or 0 when no answer came (the cause says why:
 * an IOException) or the answer was not a Kubernetes object (a {@link JsonReader.MalformedJsonException}).
 * {@code serverMessage} is the API server's Status message when it sent one.
 */
final class RestException extends RuntimeException {
    private final int code;
    private final String serverMessage;

    RestException(int code, String serverMessage, Throwable cause) {
        super(serverMessage != null ? serverMessage : cause != null ? cause.getMessage() : "HTTP " + code, cause);
        this.code = code;
        this.serverMessage = serverMessage;
    }

    int code() {
        return code;
    }

    String serverMessage() {
        return serverMessage;
    }
}
