package org.ggzy.sgw.gateway.push;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ggzy.sgw.gateway.support.EmbeddedDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CrashDurabilityIT}'s scenario on the embedded default, as {@code java -jar} runs it from an empty directory:
 * H2 in {@code ./data}, killed with SIGKILL in the middle of a push load; every record answered {@code 202} must be
 * there after the restart.
 */
class EmbeddedCrashDurabilityIT {

    static final String ADMIN = "Embedded-Admin-Pass-2026!";

    @TempDir
    Path directory;

    @Test
    void shouldLoseNoAcceptedRecordWhenKilled() throws Exception {
        int port = CrashDurabilityIT.freePort();
        Path log = Files.createTempFile("sgw-crash-embedded", ".log");
        CrashDurabilityIT.killAndCheck(
                port, log, () -> EmbeddedDefault.start(directory, port, log, "512m", ADMIN), ADMIN);
    }
}
