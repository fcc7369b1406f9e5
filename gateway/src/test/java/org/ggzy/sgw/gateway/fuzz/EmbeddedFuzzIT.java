package org.ggzy.sgw.gateway.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import org.ggzy.sgw.gateway.support.NonBlocking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The fuzz suite (see {@link FuzzSuite}) against the embedded default: H2 in a file (in a temporary directory), nonces
 * and rate limits in this process.
 */
@ExtendWith(NonBlocking.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sgw.security.admin-password=fuzz-admin-password",
            "sgw.security.secadmin-password=fuzz-secadmin-password",
            "sgw.scanner.enabled=false"
        })
@AutoConfigureObservability
class EmbeddedFuzzIT {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        String file = data.resolve("sgw").toString();
        registry.add(
                "spring.r2dbc.url",
                () -> "r2dbc:h2:file://localhost/" + file + "?options=MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        registry.add("spring.flyway.url", () -> "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        registry.add(
                "sgw.security.master-key-file", () -> data.resolve("master.key").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @Test
    void shouldAnswerEveryHostileRequestWithoutServerErrorOrHangAndStoreNothingRefused() throws IOException {
        FuzzSuite.run(FuzzTarget.prepare(
                "embedded",
                port,
                client,
                db,
                "fuzz-admin-password",
                "fuzz-secadmin-password",
                Seeds.load().datasets()));
    }
}
