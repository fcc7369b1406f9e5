package org.ggzy.sgw.gateway.security;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.ggzy.sgw.gateway.audit.AuditLog;
import org.ggzy.sgw.gateway.session.PasswordPolicy;
import org.ggzy.sgw.gateway.session.PasswordProperties;
import org.ggzy.sgw.gateway.session.SessionService;
import org.ggzy.sgw.gateway.web.ProblemException;
import org.ggzy.sgw.gateway.web.ProblemWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

class UserHandlerTest {

    final UserRepository users = mock(UserRepository.class);
    final AuditLog audit = mock(AuditLog.class);
    final UserService service =
            new UserService(users, audit, Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC));
    final UserHandler handler = new UserHandler(
            users,
            service,
            new PasswordPolicy(new PasswordProperties(12, 3, Duration.ofDays(90)), new BCryptPasswordEncoder(4)),
            mock(SessionService.class));
    final WebTestClient client = WebTestClient.bindToRouterFunction(route(POST("/api/v1/admin/users"), handler::create))
            .handlerStrategies(
                    HandlerStrategies.builder().exceptionHandler(problems()).build())
            .build();

    /** Renders problems as the application does. */
    private static WebExceptionHandler problems() {
        ProblemWriter writer = new ProblemWriter(new ObjectMapper());
        return (exchange, ex) -> ex instanceof ProblemException p ? writer.write(exchange, p) : Mono.error(ex);
    }

    @BeforeEach
    void auditPassesThrough() {
        when(audit.append(any(), any(), any(), any(), any())).thenReturn(Mono.empty());
        when(audit.record(any(), any(), any(), any())).thenAnswer(call -> call.getArgument(2));
    }

    @Nested
    class Create {

        @Test
        void shouldRefuseAnAdministratorRoleAndAuditTheRefusal() {
            client.post()
                    .uri("/api/v1/admin/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(
                            Map.of("username", "root2", "password", "at-least-10-chars", "roles", List.of("SYSADMIN")))
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://ggzy.org/problems/forbidden");
            verify(audit).append(any(), eq("user.create-refused"), eq("user:root2"), any(), any());
            verify(users, never()).insertIfAbsent(any(), any());
        }

        @Test
        void shouldListEveryProblemWhenTheAccountIsInvalid() {
            client.post()
                    .uri("/api/v1/admin/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "username", "x",
                            "password", "short",
                            "roles", List.of("REGULATOR", "KING"),
                            "regionCodes", List.of("999999"),
                            "tradeTypes", List.of("land")))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://ggzy.org/problems/invalid-request")
                    .jsonPath("$.errors.length()")
                    .isEqualTo(6)
                    .jsonPath("$.errors[1]")
                    .isEqualTo("password: at least 12 characters")
                    .jsonPath("$.errors[2]")
                    .isEqualTo("password: at least 3 of upper case, lower case, digits and other characters");
        }

        @Test
        void shouldCreateARegulatorScopedToItsRegions() {
            when(users.insertIfAbsent(any(), any())).thenReturn(Mono.just(true));
            client.post()
                    .uri("/api/v1/admin/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "username",
                            "fz.reg",
                            "password",
                            "At-least-12-chars",
                            "roles",
                            List.of("REGULATOR"),
                            "regionCodes",
                            List.of("350100")))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.username")
                    .isEqualTo("fz.reg")
                    .jsonPath("$.regionCodes[0]")
                    .isEqualTo("350100")
                    .jsonPath("$.passwordHash")
                    .doesNotExist();
        }

        @Test
        void shouldRefuseARegulatorWithoutRegion() {
            client.post()
                    .uri("/api/v1/admin/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "username", "nowhere", "password", "At-least-12-chars", "roles", List.of("REGULATOR")))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0]")
                    .isEqualTo("regionCodes: a regulator needs at least one region");
        }
    }
}
