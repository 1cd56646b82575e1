package dev.svcalias.corefile;

/** The Corefile uses a plugin (or option) that the CoreDNS version in use does not have. */
public class UnsupportedPluginException extends CorefileException {
    public UnsupportedPluginException(String message) {
        super(message);
    }
}
