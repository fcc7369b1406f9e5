package org.ggzy.sgw.gateway.push;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ggzy.sgw.gateway.GatewayApplication;
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
        CrashDurabilityIT.killAndCheck(port, log, () -> start(port, log), ADMIN);
    }

    private Process start(int port, Path log) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                GatewayApplication.class.getName(),
                "--server.port=" + port,
                "--sgw.security.admin-password=" + ADMIN,
                "--logging.structured.format.console=");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(new File(directory.toString()))
                .start();
    }
}
