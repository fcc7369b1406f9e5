package org.ggzy.sgw.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import reactor.test.StepVerifier;

class FirewallRejectionTest {

    private final ObjectMapper mapper = new ObjectMapper();

    /** Regression: the firewall's refusal of e.g. {@code /api/v1/projects/a%00b} was a 400 without a problem body. */
    @Test
    void shouldAnswerTheFirewallsRefusalWithAProblemBody() throws Exception {
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/projects/a%00b"));
        StepVerifier.create(new StrictServerWebExchangeFirewall().getFirewalledExchange(exchange))
                .expectError(ServerExchangeRejectedException.class)
                .verify();
        ServerExchangeRejectedException rejected =
                new ServerExchangeRejectedException("The request was rejected because the URL contained \"%00\"");

        StepVerifier.create(new FirewallRejection(new ProblemWriter(mapper)).handle(exchange, rejected))
                .verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode body = mapper.readTree(exchange.getResponse().getBodyAsString().block());
        assertThat(body.get("type").asText()).endsWith("/invalid-request");
        assertThat(body.get("status").asInt()).isEqualTo(400);
    }
}
