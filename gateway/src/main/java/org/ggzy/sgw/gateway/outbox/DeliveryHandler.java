package org.ggzy.sgw.gateway.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ggzy.sgw.gateway.audit.AuditContext;
import org.ggzy.sgw.gateway.audit.AuditLog;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/admin/deliveries?status=&destination=&page=&size=}, {@code GET
 * /api/v1/admin/deliveries/backlog} and {@code POST
 * /api/v1/admin/deliveries/replay} with {@code {"ids": [...]}} or {@code {"destination", "from", "to"}}: dead
 * deliveries go back into the queue, due now, their attempts reset.
 */
@Component
class DeliveryHandler {

    private final OutboxRepository repository;
    private final OutboxRelay relay;
    private final Clock clock;
    private final AuditLog audit;

    DeliveryHandler(OutboxRepository repository, OutboxRelay relay, Clock clock, AuditLog audit) {
        this.repository = repository;
        this.relay = relay;
        this.clock = clock;
        this.audit = audit;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        String status = request.queryParam("status")
                .map(s -> s.toUpperCase(Locale.ROOT))
                .orElse(null);
        String destination = request.queryParam("destination").orElse(null);
        int page = integer(request, "page", 0);
        int size = integer(request, "size", 50);
        if (page < 0 || size < 1 || size > 500) {
            return Mono.error(ProblemType.INVALID_REQUEST.exception("page must be ≥ 0 and size between 1 and 500"));
        }
        return repository.list(status, destination, page, size).flatMap(items -> ServerResponse.ok()
                .bodyValue(Map.of("items", items, "page", page, "size", size)));
    }

    /** {@code GET /api/v1/admin/deliveries/backlog}: what is still to be delivered, per destination. */
    Mono<ServerResponse> backlog(ServerRequest request) {
        return repository.backlog().flatMap(destinations -> ServerResponse.ok()
                .bodyValue(Map.of("destinations", destinations, "at", clock.instant())));
    }

    Mono<ServerResponse> replay(ServerRequest request) {
        return request.bodyToMono(JsonNode.class)
                .switchIfEmpty(Mono.error(() -> ProblemType.INVALID_REQUEST.exception("A JSON body is required")))
                .zipWith(AuditContext.of(request))
                .flatMap(t -> audit.record(
                        t.getT2(),
                        "delivery.replay",
                        replay(t.getT1()),
                        n -> new AuditLog.Change("deliveries", null, Map.of("request", t.getT1(), "replayed", n))))
                .doOnNext(n -> relay.wake())
                .flatMap(n -> ServerResponse.ok().bodyValue(Map.of("replayed", n)));
    }

    private Mono<Long> replay(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("ids").forEach(id -> ids.add(id.asText()));
        String destination = body.path("destination").asText(null);
        Instant now = clock.instant();
        if (!ids.isEmpty()) {
            return repository.replay(ids, null, null, null, now);
        }
        if (destination == null || !body.hasNonNull("from") || !body.hasNonNull("to")) {
            return Mono.error(ProblemType.INVALID_REQUEST.exception(
                    "Give either ids, or destination with from and to (ISO-8601 with offset)"));
        }
        return repository.replay(null, destination, time(body, "from"), time(body, "to"), now);
    }

    private static Instant time(JsonNode body, String field) {
        try {
            return OffsetDateTime.parse(body.get(field).asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemType.INVALID_REQUEST.exception(field + " must be an ISO-8601 time with offset");
        }
    }

    private static int integer(ServerRequest request, String name, int fallback) {
        try {
            return request.queryParam(name).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw ProblemType.INVALID_REQUEST.exception(name + " must be an integer");
        }
    }
}
