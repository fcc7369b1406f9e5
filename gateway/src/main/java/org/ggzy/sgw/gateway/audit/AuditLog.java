package org.ggzy.sgw.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.ggzy.sgw.gateway.config.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The audit trail's only writer: appends hash-chained entries, never changes or removes one. An append locks the
 * chain head ({@code audit_chain_head}, one row, {@code FOR UPDATE}), so appends are serialised across transactions
 * and nodes and the chain stays linear; it joins the caller's transaction (the change and its entry commit or roll
 * back together) and opens its own when there is none. Call it last in the transaction, so that the head stays locked
 * for as short a time as possible and is always the last lock taken.
 */
@Component
public class AuditLog {

    static final int MAX_ACTOR = 64;
    static final int MAX_TARGET = 200;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    AuditLog(DatabaseClient db, TransactionalOperator tx, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Appends one hash-chained entry; call it INSIDE the transaction of the change it records. before/after are
     * JSON-serialisable objects (maps, records) or null; never pass secrets or password hashes.
     */
    public Mono<Void> append(AuditContext ctx, String action, String target, Object before, Object after) {
        return Mono.fromCallable(() -> new Draft(
                        clip(ctx.actor(), MAX_ACTOR),
                        action,
                        clip(target == null ? "" : target, MAX_TARGET),
                        clip(ctx.sourceAddress(), 64),
                        clip(ctx.requestId(), 64),
                        text(before),
                        text(after)))
                .flatMap(this::chain)
                .as(tx::transactional);
    }

    /**
     * Runs a change and appends the entry {@code describe} makes of its result, in one transaction (the caller's, or
     * a new one): both commit or neither does.
     */
    public <T> Mono<T> record(AuditContext ctx, String action, Mono<T> change, Function<T, Change> describe) {
        return change.flatMap(result -> {
                    Change c = describe.apply(result);
                    return append(ctx, action, c.target(), c.before(), c.after())
                            .thenReturn(result);
                })
                .as(tx::transactional);
    }

    /** Runs {@code work} in the caller's transaction, or in a new one when there is none. */
    public <T> Mono<T> transactional(Mono<T> work) {
        return tx.transactional(work);
    }

    /** What an entry says about a change: its target, and the state before and after (no secrets). */
    public record Change(String target, Object before, Object after) {}

    private Mono<Void> chain(Draft d) {
        return db.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .map((row, meta) -> AuditChain.seal(new AuditEntry(
                        row.get("last_seq", Long.class) + 1,
                        clock.instant().truncatedTo(ChronoUnit.MILLIS),
                        d.actor(),
                        d.action(),
                        d.target(),
                        d.source(),
                        d.requestId(),
                        d.before(),
                        d.after(),
                        row.get("last_hash", String.class),
                        null)))
                .one()
                .flatMap(e -> insert(e).then(moveHead(e)));
    }

    private Mono<Void> insert(AuditEntry e) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO audit_entries (seq, at, actor, action, target, "
                        + "source_address, request_id, before_json, after_json, prev_hash, hash) VALUES (:seq, :at, "
                        + ":actor, :action, :target, :source, :rid, :before, :after, :prev, :hash)")
                .bind("seq", e.seq())
                .bind("at", Sql.utc(e.at()))
                .bind("actor", e.actor())
                .bind("action", e.action())
                .bind("target", e.target())
                .bind("source", e.sourceAddress())
                .bind("rid", e.requestId())
                .bind("prev", e.prevHash())
                .bind("hash", e.hash());
        spec = Sql.nullable(spec, "before", e.before(), String.class);
        spec = Sql.nullable(spec, "after", e.after(), String.class);
        return spec.then();
    }

    private Mono<Void> moveHead(AuditEntry e) {
        return db.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .bind("seq", e.seq())
                .bind("hash", e.hash())
                .then();
    }

    private String text(Object value) throws JsonProcessingException {
        return value == null ? null : json.writeValueAsString(value);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private record Draft(
            String actor, String action, String target, String source, String requestId, String before, String after) {}
}
