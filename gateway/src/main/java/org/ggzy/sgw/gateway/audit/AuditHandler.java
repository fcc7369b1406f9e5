package org.ggzy.sgw.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.ggzy.sgw.schemas.SpecTime;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The audit trail for the auditor: {@code GET /api/v1/audit?from=&to=&actor=&action=&page=&size=} (newest first) and
 * {@code GET /api/v1/audit/verify} (walks the whole chain in batches, names the first broken link).
 */
@Component
class AuditHandler {

    private static final int MAX_SIZE = 500;
    static final int BATCH = 500;

    private final AuditRepository repository;
    private final ObjectMapper json = new ObjectMapper();

    AuditHandler(AuditRepository repository) {
        this.repository = repository;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return Mono.fromCallable(() -> filter(request))
                .flatMap(repository::page)
                .flatMap(page -> ServerResponse.ok()
                        .bodyValue(Map.of(
                                "items", page.items().stream().map(this::view).toList(),
                                "page", page.page(),
                                "size", page.size(),
                                "total", page.total())));
    }

    Mono<ServerResponse> verify(ServerRequest request) {
        return verify().flatMap(walk -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("entries", walk.entries());
            body.put("intact", walk.intact());
            body.put("firstBrokenSeq", walk.firstBrokenSeq());
            return ServerResponse.ok().bodyValue(body);
        });
    }

    /** Walks the chain up to the head as it was when the walk began, {@link #BATCH} entries at a time. */
    Mono<ChainWalk> verify() {
        return repository.head().flatMap(head -> Mono.just(ChainWalk.start())
                .expand(walk -> walk.lastSeq() >= head.seq()
                        ? Mono.empty()
                        : repository
                                .batch(walk.lastSeq(), head.seq(), BATCH)
                                .filter(batch -> !batch.isEmpty())
                                .map(walk::then))
                .last()
                .map(walk -> walk.against(head.seq(), head.hash())));
    }

    private Map<String, Object> view(AuditEntry e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("seq", e.seq());
        v.put("at", DateTimeFormatter.ISO_INSTANT.format(e.at()));
        v.put("actor", e.actor());
        v.put("action", e.action());
        v.put("target", e.target());
        v.put("sourceAddress", e.sourceAddress());
        v.put("requestId", e.requestId());
        v.put("before", parse(e.before()));
        v.put("after", parse(e.after()));
        v.put("prevHash", e.prevHash());
        v.put("hash", e.hash());
        return v;
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    private static AuditRepository.AuditFilter filter(ServerRequest r) {
        int page = integer(r, "page", 0);
        int size = integer(r, "size", 50);
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw ProblemType.INVALID_REQUEST.exception("page must be ≥ 0 and size between 1 and " + MAX_SIZE);
        }
        return new AuditRepository.AuditFilter(
                time(r, "from", 0), time(r, "to", 1), param(r, "actor"), param(r, "action"), page, size);
    }

    private static String param(ServerRequest r, String name) {
        return r.queryParam(name).filter(v -> !v.isBlank()).orElse(null);
    }

    private static int integer(ServerRequest r, String name, int fallback) {
        String v = param(r, name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ProblemType.INVALID_REQUEST.exception(name + " must be an integer");
        }
    }

    /**
     * ISO-8601 with offset, or a date ({@code yyyy-MM-dd}, China time): its start for {@code from}, its end for
     * {@code to} ({@code days} after its start).
     */
    private static Instant time(ServerRequest r, String name, int days) {
        String v = param(r, name);
        if (v == null) {
            return null;
        }
        try {
            return v.length() == 10
                    ? LocalDate.parse(v)
                            .plusDays(days)
                            .atStartOfDay(SpecTime.CHINA)
                            .toInstant()
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemType.INVALID_REQUEST.exception(
                    name + " must be an ISO-8601 time with offset or a date (yyyy-MM-dd)");
        }
    }
}
