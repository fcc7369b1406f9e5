package org.ggzy.sgw.gateway.fuzz;

import java.io.IOException;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The fuzz suite (see {@link FuzzSuite}) against the production setting: PostgreSQL and Redis. */
@PostgresAndRedis
@TestPropertySource(properties = "sgw.scanner.enabled=false")
class PostgresFuzzIT {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @Test
    void shouldAnswerEveryHostileRequestWithoutServerErrorOrHangAndStoreNothingRefused() throws IOException {
        FuzzSuite.run(FuzzTarget.prepare(
                "postgres",
                port,
                client,
                db,
                "it-admin-password",
                "it-secadmin-password",
                Seeds.load().datasets()));
    }
}
