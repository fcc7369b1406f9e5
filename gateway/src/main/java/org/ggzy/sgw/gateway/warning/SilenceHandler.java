package org.ggzy.sgw.gateway.warning;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.ggzy.sgw.gateway.audit.AuditContext;
import org.ggzy.sgw.gateway.audit.AuditLog;
import org.ggzy.sgw.gateway.security.Scope;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Silences: {@code POST /api/v1/silences} {@code {"rule", "platformCode", "regionCode", "reason", "startsAt",
 * "endsAt"}}, {@code GET}, {@code DELETE /{id}} (ends it; nothing is deleted). A regulator may only silence inside
 * their scope, so a silence always names a region they see.
 */
@Component
class SilenceHandler {

    private final SilenceRepository silences;
    private final Clock clock;
    private final AuditLog audit;

    SilenceHandler(SilenceRepository silences, Clock clock, AuditLog audit) {
        this.silences = silences;
        this.clock = clock;
        this.audit = audit;
    }

    Mono<ServerResponse> create(ServerRequest request) {
        Instant now = clock.instant();
        return request.bodyToMono(JsonNode.class)
                .switchIfEmpty(Mono.error(() -> ProblemType.INVALID_REQUEST.exception("A JSON body is required")))
                .zipWith(Scope.current())
                .zipWith(AuditContext.of(request))
                .flatMap(tc -> {
                    JsonNode b = tc.getT1().getT1();
                    Scope scope = tc.getT1().getT2();
                    String reason = text(b, "reason");
                    if (reason == null) {
                        return Mono.error(ProblemType.INVALID_REQUEST.exception("reason is required"));
                    }
                    String region = text(b, "regionCode");
                    if (!scope.global() && (region == null || !scope.sees(region, null))) {
                        return Mono.error(ProblemType.FORBIDDEN.exception(
                                "A regulator's silence must name a regionCode inside their scope"));
                    }
                    Instant starts = time(b, "startsAt", now);
                    Instant ends = time(b, "endsAt", null);
                    if (ends == null || !ends.isAfter(starts)) {
                        return Mono.error(ProblemType.INVALID_REQUEST.exception("endsAt is required, after startsAt"));
                    }
                    Mono<Silence> create = silences.create(
                            upper(text(b, "rule")),
                            text(b, "platformCode"),
                            region,
                            reason,
                            scope.actor(),
                            starts,
                            ends,
                            now);
                    return audit.record(
                            tc.getT2(), "silence.create", create, s -> new AuditLog.Change(target(s.id()), null, s));
                })
                .flatMap(s -> ServerResponse.created(URI.create("/api/v1/silences/" + s.id()))
                        .bodyValue(s));
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return Scope.current()
                .flatMap(scope -> silences.list(scope, clock.instant()).collectList())
                .flatMap(list -> ServerResponse.ok().bodyValue(list));
    }

    Mono<ServerResponse> expire(ServerRequest request) {
        String id = request.pathVariable("id");
        Instant now = clock.instant();
        return Scope.current()
                .zipWith(AuditContext.of(request))
                .flatMap(t -> audit.transactional(silences.find(id, now)
                        .filter(s -> t.getT1().global()
                                || (s.regionCode() != null && t.getT1().sees(s.regionCode(), null)))
                        .switchIfEmpty(Mono.error(() -> ProblemType.NOT_FOUND.exception("No silence " + id)))
                        .flatMap(before -> silences.expire(id, t.getT1().actor(), now)
                                .then(Mono.defer(() -> silences.find(id, now)))
                                .flatMap(after -> audit.append(t.getT2(), "silence.expire", target(id), before, after)
                                        .thenReturn(after)))))
                .flatMap(s -> ServerResponse.ok().bodyValue(s));
    }

    private static String target(String id) {
        return "silence:" + id;
    }

    private static String text(JsonNode b, String field) {
        JsonNode v = b.get(field);
        return v == null || v.isNull() || v.asText().isBlank()
                ? null
                : v.asText().strip();
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }

    private static Instant time(JsonNode b, String field, Instant fallback) {
        String v = text(b, field);
        if (v == null) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemType.INVALID_REQUEST.exception(field + " must be an ISO-8601 time with offset");
        }
    }
}
