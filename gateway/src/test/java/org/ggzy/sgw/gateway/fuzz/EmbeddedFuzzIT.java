package org.ggzy.sgw.gateway.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import org.ggzy.sgw.gateway.support.EmbeddedDefault;
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
        EmbeddedDefault.in(data, registry);
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
