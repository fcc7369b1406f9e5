package org.ggzy.sgw.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.transaction.CannotCreateTransactionException;

class ProblemExceptionHandlerTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final ProblemExceptionHandler handler = new ProblemExceptionHandler(new ProblemWriter(mapper));

    @Test
    void aPoolAcquisitionTimeoutIsServiceUnavailableWithRetryAfterNotAnInternalError() throws Exception {
        // what R2dbcTransactionManager throws when r2dbc-pool's max-acquire-time passes
        Throwable ex = new CannotCreateTransactionException(
                "Could not open R2DBC Connection for transaction",
                new R2dbcTimeoutException(
                        "Connection acquisition timed out after 5000ms", new TimeoutException("Did not observe")));

        MockServerWebExchange exchange = exchange();
        handler.handle(exchange, ex).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("1");
        JsonNode body = mapper.readTree(exchange.getResponse().getBodyAsString().block());
        assertThat(body.get("type").asText()).endsWith("/service-unavailable");
        assertThat(body.get("status").asInt()).isEqualTo(503);
        assertThat(body.get("detail").asText()).contains("nothing was stored");
    }

    @Test
    void aStatementOrLockTimeoutIsStorageUnavailableWithRetryAfter() throws Exception {
        MockServerWebExchange exchange = exchange();
        handler.handle(exchange, new R2dbcTimeoutException("Statement cancelled due to timeout"))
                .block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("2");
        JsonNode body = mapper.readTree(exchange.getResponse().getBodyAsString().block());
        assertThat(body.get("type").asText()).endsWith("/storage-unavailable");
    }

    @Test
    void aLockNotAvailableByItsSqlStateIsStorageUnavailable() {
        MockServerWebExchange exchange = exchange();
        handler.handle(
                        exchange,
                        new org.springframework.dao.DataIntegrityViolationException(
                                "wrapped",
                                new io.r2dbc.spi.R2dbcNonTransientException(
                                        "canceling statement due to lock timeout", "55P03") {}))
                .block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aFaultOfTheCodeStaysAnInternalError() {
        MockServerWebExchange exchange = exchange();
        handler.handle(exchange, new IllegalStateException("a bug")).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isNull();
    }

    private static MockServerWebExchange exchange() {
        return MockServerWebExchange.from(
                MockServerHttpRequest.post("/api/v1/push/gcjs.bidder").build());
    }
}
