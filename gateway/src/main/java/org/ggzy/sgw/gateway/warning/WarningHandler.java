package org.ggzy.sgw.gateway.warning;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.ggzy.sgw.gateway.audit.AuditContext;
import org.ggzy.sgw.gateway.security.Scope;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The regulator API of warnings (API.md §2): list, detail, acknowledge / resolve / assign, and the event stream. */
@Component
class WarningHandler {

    private static final int MAX_SIZE = 500;

    private final WarningRepository repository;
    private final WarningWorkflow workflow;
    private final WarningStream stream;

    WarningHandler(WarningRepository repository, WarningWorkflow workflow, WarningStream stream) {
        this.repository = repository;
        this.workflow = workflow;
        this.stream = stream;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return Scope.current()
                .flatMap(scope -> repository.list(filter(request), scope))
                .flatMap(page -> ServerResponse.ok().bodyValue(page));
    }

    Mono<ServerResponse> detail(ServerRequest request) {
        String id = request.pathVariable("id");
        return Scope.current()
                .flatMap(scope -> repository.detail(id).filter(w -> scope.sees(w.regionCode(), w.tradeType())))
                .switchIfEmpty(
                        Mono.error(() -> ProblemType.NOT_FOUND.exception("No warning " + id + " in your scope.")))
                .flatMap(w -> ServerResponse.ok().bodyValue(w));
    }

    Mono<ServerResponse> acknowledge(ServerRequest request) {
        return act(request, WarningWorkflow.Action.ACKNOWLEDGE);
    }

    Mono<ServerResponse> resolve(ServerRequest request) {
        return act(request, WarningWorkflow.Action.RESOLVE);
    }

    Mono<ServerResponse> assign(ServerRequest request) {
        return act(request, WarningWorkflow.Action.ASSIGN);
    }

    private Mono<ServerResponse> act(ServerRequest request, WarningWorkflow.Action action) {
        String id = request.pathVariable("id");
        return request.bodyToMono(JsonNode.class)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .zipWith(Scope.current())
                .zipWith(
                        AuditContext.of(request),
                        (t, ctx) -> reactor.util.function.Tuples.of(t.getT1(), t.getT2(), ctx))
                .flatMap(t -> workflow.apply(
                        t.getT3(),
                        id,
                        action,
                        t.getT2(),
                        t.getT1().map(b -> text(b, "comment")).orElse(null),
                        t.getT1().map(b -> text(b, "assignee")).orElse(null)))
                .flatMap(change -> repository.detail(id))
                .flatMap(w -> ServerResponse.ok().bodyValue(w));
    }

    Mono<ServerResponse> stream(ServerRequest request) {
        Long lastEventId = request.headers().firstHeader("Last-Event-ID") == null
                ? null
                : parseLong(request.headers().firstHeader("Last-Event-ID"));
        return Scope.current().flatMap(scope -> ServerResponse.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .body(stream.stream(scope, lastEventId), ServerSentEvent.class));
    }

    private static WarningFilter filter(ServerRequest r) {
        int page = intParam(r, "page", 0);
        int size = intParam(r, "size", 50);
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw ProblemType.INVALID_REQUEST.exception("page must be ≥ 0 and size between 1 and " + MAX_SIZE);
        }
        return new WarningFilter(
                upper(r, "status"),
                upper(r, "rule"),
                upper(r, "severity"),
                param(r, "platform"),
                param(r, "region"),
                param(r, "tenderProjectCode"),
                param(r, "bidSectionCode"),
                param(r, "escalatedTo"),
                time(r, "from"),
                time(r, "to"),
                page,
                size);
    }

    private static String param(ServerRequest r, String name) {
        return r.queryParam(name).filter(v -> !v.isBlank()).orElse(null);
    }

    private static String upper(ServerRequest r, String name) {
        String v = param(r, name);
        return v == null ? null : v.toUpperCase(java.util.Locale.ROOT);
    }

    private static int intParam(ServerRequest r, String name, int fallback) {
        String v = param(r, name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ProblemType.INVALID_REQUEST.exception(name + " must be an integer");
        }
    }

    /** ISO-8601 with offset ({@code 2026-11-22T10:00:00+08:00}) or a date ({@code 2026-11-22}, China time). */
    static Instant time(ServerRequest r, String name) {
        String v = param(r, name);
        if (v == null) {
            return null;
        }
        try {
            return v.length() == 10
                    ? java.time.LocalDate.parse(v)
                            .atStartOfDay(org.ggzy.sgw.schemas.SpecTime.CHINA)
                            .toInstant()
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemType.INVALID_REQUEST.exception(
                    name + " must be an ISO-8601 time with offset or a date (yyyy-MM-dd)");
        }
    }

    private static Long parseLong(String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw ProblemType.INVALID_REQUEST.exception("Last-Event-ID must be an event id of this stream");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
