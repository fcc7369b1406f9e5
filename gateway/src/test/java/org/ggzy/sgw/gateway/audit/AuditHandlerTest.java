package org.ggzy.sgw.gateway.audit;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ggzy.sgw.gateway.web.ProblemException;
import org.ggzy.sgw.gateway.web.ProblemWriter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

class AuditHandlerTest {

    final AuditRepository repository = mock(AuditRepository.class);
    final AuditHandler handler = new AuditHandler(repository);
    final WebTestClient client = WebTestClient.bindToRouterFunction(
                    route(GET("/api/v1/audit/verify"), handler::verify).andRoute(GET("/api/v1/audit"), handler::list))
            .handlerStrategies(
                    HandlerStrategies.builder().exceptionHandler(problems()).build())
            .build();

    private static WebExceptionHandler problems() {
        ProblemWriter writer = new ProblemWriter(new ObjectMapper());
        return (exchange, ex) -> ex instanceof ProblemException p ? writer.write(exchange, p) : Mono.error(ex);
    }

    @Nested
    class Listing {

        @Test
        void shouldFilterByDaysOfChinaTimeAndShowTheStatesAsJson() {
            AuditEntry entry = AuditChainTest.chain(1).get(0);
            when(repository.page(any())).thenReturn(Mono.just(new AuditRepository.Page(List.of(entry), 1, 10, 11)));

            client.get()
                    .uri("/api/v1/audit?from=2026-12-04&to=2026-12-04&actor=secadmin&action=user.update&page=1&size=10")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.total")
                    .isEqualTo(11)
                    .jsonPath("$.items[0].after.enabled")
                    .isEqualTo(false)
                    .jsonPath("$.items[0].hash")
                    .isEqualTo(entry.hash());
            verify(repository)
                    .page(new AuditRepository.AuditFilter(
                            Instant.parse("2026-12-03T16:00:00Z"),
                            Instant.parse("2026-12-04T16:00:00Z"),
                            "secadmin",
                            "user.update",
                            1,
                            10));
        }

        @Test
        void shouldRefuseAPageTooLarge() {
            client.get()
                    .uri("/api/v1/audit?size=501")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://ggzy.org/problems/invalid-request");
        }
    }

    @Nested
    class Verify {

        @Test
        void shouldWalkTheChainInBatchesUpToTheHead() {
            List<AuditEntry> chain = AuditChainTest.chain(3);
            when(repository.head())
                    .thenReturn(
                            Mono.just(new AuditRepository.Head(3, chain.get(2).hash())));
            when(repository.batch(eq(0L), eq(3L), anyInt())).thenReturn(Mono.just(chain.subList(0, 2)));
            when(repository.batch(eq(2L), eq(3L), anyInt())).thenReturn(Mono.just(chain.subList(2, 3)));

            client.get()
                    .uri("/api/v1/audit/verify")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .json("{\"entries\": 3, \"intact\": true, \"firstBrokenSeq\": null}");
        }

        @Test
        void shouldNameTheFirstBrokenEntry() {
            List<AuditEntry> chain = new ArrayList<>(AuditChainTest.chain(3));
            chain.set(1, AuditChainTest.withActor(chain.get(1), "nobody"));
            when(repository.head())
                    .thenReturn(
                            Mono.just(new AuditRepository.Head(3, chain.get(2).hash())));
            when(repository.batch(anyLong(), eq(3L), anyInt())).thenReturn(Mono.just(chain));

            client.get()
                    .uri("/api/v1/audit/verify")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .json("{\"entries\": 3, \"intact\": false, \"firstBrokenSeq\": 2}");
        }
    }
}
