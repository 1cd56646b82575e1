package dev.svcalias.packaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The test JVMs read src/test/resources/logging.properties: the mock server's per-request INFO lines stay out. */
class QuietTestLogsTest {
    @Test
    void mockServerInfoLinesAreNotLoggedButWarningsAre() {
        Logger mock = Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");
        assertFalse(mock.isLoggable(Level.INFO), "java.util.logging.config.file="
                + System.getProperty("java.util.logging.config.file"));
        assertTrue(mock.isLoggable(Level.WARNING));
    }
}
