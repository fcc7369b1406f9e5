package org.ggzy.sgw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayApplicationTest {

    @Test
    void shouldKeepAPasswordResetRunFromServing() {
        assertThat(GatewayApplication.commandLine(new String[] {"--sgw.admin.reset-password=sysadmin"}))
                .containsExactly(
                        "--sgw.admin.reset-password=sysadmin", "--server.port=0", "--sgw.scanner.enabled=false");
    }

    @Test
    void shouldLeaveAnOrdinaryStartAlone() {
        assertThat(GatewayApplication.commandLine(new String[] {"--server.port=8081"}))
                .containsExactly("--server.port=8081");
    }
}
