package org.ggzy.sgw.gateway.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ggzy.sgw.gateway.GatewayApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The embedded default (H2 in a file, a generated master key) with its data in a directory of the test's. */
public final class EmbeddedDefault {

    private EmbeddedDefault() {}

    /** Points the database and the master key file of a {@code @SpringBootTest} into {@code data}. */
    public static void in(Path data, DynamicPropertyRegistry registry) {
        String file = data.resolve("sgw").toString();
        registry.add(
                "spring.r2dbc.url",
                () -> "r2dbc:h2:file://localhost/" + file + "?options=MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        registry.add("spring.flyway.url", () -> "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        registry.add(
                "sgw.security.master-key-file", () -> data.resolve("master.key").toString());
    }

    /** Starts a gateway process as {@code java -jar} runs it from the empty directory {@code directory}. */
    public static Process start(Path directory, int port, Path log, String maxHeap, String adminPassword)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx" + maxHeap,
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                GatewayApplication.class.getName(),
                "--server.port=" + port,
                "--sgw.security.admin-password=" + adminPassword,
                "--logging.structured.format.console="));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(new File(directory.toString()))
                .start();
    }
}
