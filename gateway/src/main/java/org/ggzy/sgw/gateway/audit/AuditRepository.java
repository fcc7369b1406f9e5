package org.ggzy.sgw.gateway.audit;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ggzy.sgw.gateway.config.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Reads {@code audit_entries} and {@code audit_chain_head}; it has no statement that writes (see {@link AuditLog}). */
@Repository
class AuditRepository {

    private static final String COLUMNS =
            "seq, at, actor, action, target, source_address, request_id, before_json, " + "after_json, prev_hash, hash";

    private final DatabaseClient db;

    AuditRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A page of entries, newest first, and how many match in all. */
    Mono<Page> page(AuditFilter filter) {
        Map<String, Object> binds = new LinkedHashMap<>();
        String where = where(filter, binds);
        DatabaseClient.GenericExecuteSpec count = db.sql("SELECT COUNT(*) AS n FROM audit_entries" + where);
        DatabaseClient.GenericExecuteSpec items = db.sql("SELECT " + COLUMNS + " FROM audit_entries" + where
                + " ORDER BY seq DESC LIMIT " + filter.size() + " OFFSET " + (long) filter.page() * filter.size());
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            count = count.bind(b.getKey(), b.getValue());
            items = items.bind(b.getKey(), b.getValue());
        }
        return Mono.zip(
                        count.map((row, meta) -> row.get("n", Long.class)).one(),
                        items.map(AuditRepository::entry).all().collectList())
                .map(t -> new Page(t.getT2(), filter.page(), filter.size(), t.getT1()));
    }

    /** The entries after {@code afterSeq} up to {@code untilSeq}, in order, at most {@code limit}. */
    Mono<List<AuditEntry>> batch(long afterSeq, long untilSeq, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM audit_entries WHERE seq > :after AND seq <= :until ORDER BY seq "
                        + "LIMIT " + limit)
                .bind("after", afterSeq)
                .bind("until", untilSeq)
                .map(AuditRepository::entry)
                .all()
                .collectList();
    }

    /** The chain head: the last entry's seq and hash. */
    Mono<Head> head() {
        return db.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .map((row, meta) -> new Head(row.get("last_seq", Long.class), row.get("last_hash", String.class)))
                .one();
    }

    private static String where(AuditFilter f, Map<String, Object> binds) {
        List<String> clauses = new ArrayList<>();
        if (f.from() != null) {
            clauses.add("at >= :from");
            binds.put("from", Sql.utc(f.from()));
        }
        if (f.to() != null) {
            clauses.add("at < :to");
            binds.put("to", Sql.utc(f.to()));
        }
        if (f.actor() != null) {
            clauses.add("actor = :actor");
            binds.put("actor", f.actor());
        }
        if (f.action() != null) {
            clauses.add("action = :action");
            binds.put("action", f.action());
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static AuditEntry entry(Readable row) {
        return new AuditEntry(
                row.get("seq", Long.class),
                row.get("at", OffsetDateTime.class).toInstant(),
                row.get("actor", String.class),
                row.get("action", String.class),
                row.get("target", String.class),
                row.get("source_address", String.class),
                row.get("request_id", String.class),
                row.get("before_json", String.class),
                row.get("after_json", String.class),
                row.get("prev_hash", String.class),
                row.get("hash", String.class));
    }

    record AuditFilter(Instant from, Instant to, String actor, String action, int page, int size) {}

    record Page(List<AuditEntry> items, int page, int size, long total) {}

    record Head(long seq, String hash) {}
}
