package org.ggzy.sgw.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ggzy.sgw.gateway.security.AccessMatrix.Access;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class AccessMatrixTest {

    @Test
    void shouldGiveTheSystemAdministratorTheSystemOnly() {
        for (String path : List.of(
                "/api/v1/admin/platforms",
                "/api/v1/admin/platforms/91350100MA0000000X/rotate-secret",
                "/api/v1/admin/scan",
                "/api/v1/admin/deliveries/replay",
                "/api/v1/admin/projects/P1/co-platforms")) {
            assertThat(AccessMatrix.of(HttpMethod.POST, path)).as(path).isEqualTo(Access.SYSADMIN);
        }
    }

    @Test
    void shouldGiveBusinessDataToRegulatorsOnly() {
        for (String path : List.of(
                "/api/v1/warnings",
                "/api/v1/warnings/stream",
                "/api/v1/warnings/W1/acknowledge",
                "/api/v1/silences/S1",
                "/api/v1/projects/P1",
                "/api/v1/projects/P1/archive",
                "/api/v1/stats/overview",
                "/api/v1/platforms/91350100MA0000000X/scorecard")) {
            assertThat(AccessMatrix.of(HttpMethod.GET, path)).as(path).isEqualTo(Access.REGULATOR);
        }
    }

    @Test
    void shouldGiveAccountsToTheSecurityAdministratorAndTheTrailToTheAuditor() {
        assertThat(AccessMatrix.of(HttpMethod.PATCH, "/api/v1/admin/users/sysadmin"))
                .isEqualTo(Access.SECADMIN);
        assertThat(AccessMatrix.of(HttpMethod.GET, "/api/v1/audit")).isEqualTo(Access.AUDITOR);
        assertThat(AccessMatrix.of(HttpMethod.GET, "/api/v1/audit/verify")).isEqualTo(Access.AUDITOR);
    }

    @Test
    void shouldRefuseWhatNoRowNames() {
        assertThat(AccessMatrix.of(HttpMethod.GET, "/api/v1/something-new")).isEqualTo(Access.NOBODY);
        assertThat(AccessMatrix.of(HttpMethod.POST, "/api/v1/datasets")).isEqualTo(Access.NOBODY);
        assertThat(AccessMatrix.of(HttpMethod.GET, "/internal/api/v1/push/records"))
                .isEqualTo(Access.NOBODY);
        assertThat(AccessMatrix.of(HttpMethod.GET, "/console/secret")).isEqualTo(Access.NOBODY);
    }

    @Test
    void shouldLeaveHealthOpenAndTheRestOfTheActuatorToTheSystemAdministrator() {
        assertThat(AccessMatrix.of(HttpMethod.GET, "/actuator/health/readiness"))
                .isEqualTo(Access.PUBLIC);
        assertThat(AccessMatrix.of(HttpMethod.GET, "/actuator/prometheus")).isEqualTo(Access.SYSADMIN);
        assertThat(AccessMatrix.of(HttpMethod.GET, "/actuator/env")).isEqualTo(Access.SYSADMIN);
    }

    @Test
    void shouldLetAnySignedInPersonEndTheirSessionAndChangeTheirPassword() {
        assertThat(AccessMatrix.of(HttpMethod.POST, "/api/v1/auth/logout")).isEqualTo(Access.PERSON);
        assertThat(AccessMatrix.of(HttpMethod.POST, "/api/v1/auth/password")).isEqualTo(Access.PERSON);
    }

    @Test
    void shouldLeaveThePushApiToSignedPlatformsAndTheCatalogueAndLoginOpen() {
        assertThat(AccessMatrix.of(HttpMethod.POST, "/api/v1/push/gcjs.bid-opening"))
                .isEqualTo(Access.PLATFORM);
        assertThat(AccessMatrix.of(HttpMethod.GET, "/api/v1/datasets/gcjs.bid-opening/schema"))
                .isEqualTo(Access.PUBLIC);
        assertThat(AccessMatrix.of(HttpMethod.POST, "/api/v1/auth/token")).isEqualTo(Access.PUBLIC);
    }

    @Test
    void shouldBeTheMatrixTheReadmeShows() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);

        assertThat(readme).contains(AccessMatrix.markdownRows());
    }
}
