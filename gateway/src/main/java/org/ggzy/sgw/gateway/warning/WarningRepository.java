package org.ggzy.sgw.gateway.warning;

import static org.ggzy.sgw.gateway.config.Sql.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ggzy.sgw.gateway.security.Scope;
import org.ggzy.sgw.schemas.SpecTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code warnings} and {@code warning_events}. */
@Repository
public class WarningRepository {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(SpecTime.CHINA);
    private static final String COLUMNS = "id, rule, severity, status, platform_code, region_code, trade_type, "
            + "tender_project_code, bid_section_code, dataset, fingerprint, message, message_zh, legal_basis, evidence, "
            + "raised_at, last_seen_at, occurrences, due_at, acknowledged_at, resolved_at, resolution, assignee, "
            + "escalation_level, escalated_to, overdue";

    private final DatabaseClient db;
    private final ObjectMapper json = new ObjectMapper();

    WarningRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Warning> find(String id) {
        return db.sql("SELECT " + COLUMNS + " FROM warnings WHERE id = :id")
                .bind("id", id)
                .map(this::warning)
                .one();
    }

    /** The warning with its events, oldest event first. */
    public Mono<Warning> detail(String id) {
        return find(id).flatMap(w -> events(id).collectList().map(w::withEvents));
    }

    Flux<Warning.Event> events(String warningId) {
        return db.sql("SELECT seq, type, actor, at, from_status, to_status, comment FROM warning_events "
                        + "WHERE warning_id = :id ORDER BY seq")
                .bind("id", warningId)
                .map(WarningRepository::event)
                .all();
    }

    /** The warnings of a project, newest first, with their events. */
    public Flux<Warning> ofProject(String project) {
        return db.sql("SELECT " + COLUMNS + " FROM warnings WHERE tender_project_code = :p ORDER BY raised_at DESC, id")
                .bind("p", project)
                .map(this::warning)
                .all()
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(w -> events(w.id()).collectList().map(w::withEvents));
    }

    /**
     * The warnings of these sections ({trade type, project, section} each) that are not resolved, in one query: id,
     * rule, fingerprint and section.
     */
    public Flux<OpenWarning> openIn(List<String[]> sections) {
        if (sections.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT id, rule, fingerprint, trade_type, tender_project_code, bid_section_code FROM warnings "
                        + "WHERE open_fingerprint IS NOT NULL AND (trade_type, tender_project_code, bid_section_code) "
                        + "IN (:sections)")
                .bind("sections", List.<Object[]>copyOf(sections))
                .map((row, meta) -> new OpenWarning(
                        row.get("id", String.class),
                        row.get("rule", String.class),
                        row.get("fingerprint", String.class),
                        row.get("trade_type", String.class),
                        row.get("tender_project_code", String.class),
                        row.get("bid_section_code", String.class)))
                .all();
    }

    /**
     * The events after {@code from} (exclusive) of warnings in the caller's scope that are not silenced, oldest first,
     * each with the warning as it is now.
     */
    Flux<Streamed> eventsAfter(long from, Scope scope, int limit) {
        Map<String, Object> binds = new LinkedHashMap<>();
        List<String> clauses = new ArrayList<>();
        clauses.add("e.seq > :from");
        clauses.add("w.status <> 'SILENCED'");
        scope(clauses, binds, scope, "w.");
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT e.seq AS event_seq, e.type AS event_type, "
                        + prefixed("w.") + " FROM warning_events e JOIN warnings w ON w.id = e.warning_id WHERE "
                        + String.join(" AND ", clauses) + " ORDER BY e.seq LIMIT " + limit)
                .bind("from", from);
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec.map((row, meta) -> new Streamed(
                        row.get("event_seq", Long.class), row.get("event_type", String.class), warning(row)))
                .all();
    }

    /** The highest event sequence number so far (0 when there is none). */
    Mono<Long> lastSeq() {
        return db.sql("SELECT COALESCE(MAX(seq), 0) AS s FROM warning_events")
                .map((row, meta) -> ((Number) row.get("s")).longValue())
                .one();
    }

    private static String prefixed(String alias) {
        return alias + COLUMNS.replace(", ", ", " + alias);
    }

    /** A warning change as the stream sends it. */
    record Streamed(long seq, String type, Warning warning) {}

    /** A warning that is not resolved, and its section. */
    public record OpenWarning(
            String id, String rule, String fingerprint, String tradeType, String project, String section) {}

    Mono<Page> list(WarningFilter filter, Scope scope) {
        Map<String, Object> binds = new LinkedHashMap<>();
        String where = where(filter, scope, binds);
        DatabaseClient.GenericExecuteSpec count = db.sql("SELECT COUNT(*) AS n FROM warnings" + where);
        DatabaseClient.GenericExecuteSpec items = db.sql("SELECT " + COLUMNS + " FROM warnings" + where
                + " ORDER BY raised_at DESC, id DESC LIMIT " + filter.size() + " OFFSET "
                + (long) filter.page() * filter.size());
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            count = count.bind(b.getKey(), b.getValue());
            items = items.bind(b.getKey(), b.getValue());
        }
        return Mono.zip(
                        count.map((row, meta) -> row.get("n", Long.class)).one(),
                        items.map(this::warning).all().collectList())
                .map(t -> new Page(t.getT2(), filter.page(), filter.size(), t.getT1()));
    }

    private static String where(WarningFilter f, Scope scope, Map<String, Object> binds) {
        List<String> clauses = new ArrayList<>();
        eq(clauses, binds, "status", f.status());
        eq(clauses, binds, "rule", f.rule());
        eq(clauses, binds, "severity", f.severity());
        eq(clauses, binds, "platform_code", f.platform());
        eq(clauses, binds, "tender_project_code", f.tenderProjectCode());
        eq(clauses, binds, "bid_section_code", f.bidSectionCode());
        eq(clauses, binds, "escalated_to", f.escalatedTo());
        if (f.region() != null) {
            clauses.add("region_code LIKE :region");
            binds.put("region", Scope.prefix(f.region()) + "%");
        }
        if (f.from() != null) {
            clauses.add("raised_at >= :from");
            binds.put("from", utc(f.from()));
        }
        if (f.to() != null) {
            clauses.add("raised_at < :to");
            binds.put("to", utc(f.to()));
        }
        scope(clauses, binds, scope, "");
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** Adds the caller's scope to a query on warnings (column names prefixed by {@code alias}). */
    static void scope(List<String> clauses, Map<String, Object> binds, Scope scope, String alias) {
        if (scope.global()) {
            return;
        }
        if (scope.regionPrefixes().isEmpty()) {
            clauses.add("1 = 0");
            return;
        }
        List<String> regions = new ArrayList<>();
        for (int i = 0; i < scope.regionPrefixes().size(); i++) {
            regions.add(alias + "region_code LIKE :scope" + i);
            binds.put("scope" + i, scope.regionPrefixes().get(i) + "%");
        }
        clauses.add("(" + String.join(" OR ", regions) + ")");
        if (!scope.tradeTypes().isEmpty()) {
            List<String> types = new ArrayList<>();
            int i = 0;
            for (String t : scope.tradeTypes()) {
                types.add(":tt" + i);
                binds.put("tt" + i++, t);
            }
            clauses.add(alias + "trade_type IN (" + String.join(", ", types) + ")");
        }
    }

    private static void eq(List<String> clauses, Map<String, Object> binds, String column, String value) {
        if (value != null && !value.isBlank()) {
            clauses.add(column + " = :" + column);
            binds.put(column, value);
        }
    }

    /** A page of warnings, newest first. */
    record Page(List<Warning> items, int page, int size, long total) {}

    Warning warning(Readable row) {
        return new Warning(
                row.get("id", String.class),
                row.get("rule", String.class),
                row.get("severity", String.class),
                row.get("status", String.class),
                row.get("platform_code", String.class),
                row.get("region_code", String.class),
                row.get("trade_type", String.class),
                row.get("tender_project_code", String.class),
                emptyToNull(row.get("bid_section_code", String.class)),
                row.get("dataset", String.class),
                row.get("fingerprint", String.class),
                row.get("message", String.class),
                row.get("message_zh", String.class),
                row.get("legal_basis", String.class),
                tree(row.get("evidence", String.class)),
                time(row, "raised_at"),
                time(row, "last_seen_at"),
                row.get("occurrences", Integer.class),
                time(row, "due_at"),
                time(row, "acknowledged_at"),
                time(row, "resolved_at"),
                row.get("resolution", String.class),
                row.get("assignee", String.class),
                row.get("escalation_level", Integer.class),
                row.get("escalated_to", String.class),
                Boolean.TRUE.equals(row.get("overdue", Boolean.class)),
                null);
    }

    static Warning.Event event(Readable row) {
        return new Warning.Event(
                row.get("seq", Long.class),
                row.get("type", String.class),
                row.get("actor", String.class),
                time(row, "at"),
                row.get("from_status", String.class),
                row.get("to_status", String.class),
                row.get("comment", String.class));
    }

    private com.fasterxml.jackson.databind.JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence is not JSON", e);
        }
    }

    static String time(Readable row, String column) {
        OffsetDateTime t = row.get(column, OffsetDateTime.class);
        return t == null ? null : TIME.format(t.toInstant());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
