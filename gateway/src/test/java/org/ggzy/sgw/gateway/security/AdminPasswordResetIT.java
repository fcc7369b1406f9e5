package org.ggzy.sgw.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.ggzy.sgw.gateway.support.AuditTrail;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.ggzy.sgw.gateway.support.Regulators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * The command-line procedure for the administrator accounts ({@code --sgw.admin.reset-password}): what it does, as
 * the runner calls it, audited as {@code admin.reset-password} by {@code cli}; it refuses ordinary accounts.
 */
@PostgresAndRedis
class AdminPasswordResetIT {

    @Autowired
    AdminPasswordReset reset;

    @Autowired
    WebTestClient client;

    AuditTrail audit;

    @BeforeEach
    void setUp() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        audit = new AuditTrail(client);
    }

    @Test
    void shouldSetAnAdministratorsPasswordAndAuditIt() {
        // the same password again, so that the other tests still log in with it
        StepVerifier.create(reset.reset("auditor", AuditTrail.AUDITOR_PASSWORD)).verifyComplete();

        Regulators.token(client, "auditor", AuditTrail.AUDITOR_PASSWORD);
        JsonNode entry = audit.latest("admin.reset-password", "user:auditor").orElseThrow();
        assertThat(entry.get("actor").asText()).isEqualTo("cli");
        assertThat(entry.at("/after/password").asText()).isEqualTo("changed");
        assertThat(entry.at("/after/enabled").asBoolean()).isTrue();
        assertThat(entry.toString()).doesNotContain(AuditTrail.AUDITOR_PASSWORD).doesNotContain("$2a$");
    }

    @Test
    void shouldRefuseAnOrdinaryAccountAndAShortPassword() {
        String regulator = Regulators.create(client, Regulators.SECADMIN_PASSWORD, "350100");

        StepVerifier.create(reset.reset(regulator, "a-long-enough-password"))
                .verifyErrorMatches(e -> e.getMessage().contains("not an administrator account"));
        StepVerifier.create(reset.reset("sysadmin", "short"))
                .verifyErrorMatches(e -> e.getMessage().contains("at least 10"));
        assertThat(audit.latest("admin.reset-password", "user:" + regulator)).isEmpty();
    }
}
