package org.ggzy.sgw.gateway.lifecycle;

import static org.ggzy.sgw.gateway.config.Sql.nullable;
import static org.ggzy.sgw.gateway.config.Sql.utc;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ggzy.sgw.gateway.config.Dialect;
import org.ggzy.sgw.gateway.config.Ids;
import org.ggzy.sgw.gateway.config.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code expectations}. */
@Repository
class ExpectationRepository {

    static final String COLUMNS = "id, trade_type, project_code, section_code, rule, dataset, discriminator, "
            + "created_by, created_by_dataset, platform_code, region_code, due_at, status, legal_basis, warning_id";

    private final DatabaseClient db;
    private final Dialect dialect;

    ExpectationRepository(DatabaseClient db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    /** The expectations of these sections that are still waiting (open or breached), in one query. */
    Mono<Map<SectionKey, List<Expectation>>> waiting(Collection<SectionKey> keys) {
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT " + COLUMNS + " FROM expectations WHERE (trade_type, project_code, section_code) "
                        + "IN (:keys) AND status IN ('OPEN', 'BREACHED') ORDER BY id")
                .bind(
                        "keys",
                        keys.stream()
                                .map(k -> new Object[] {k.tradeType(), k.project(), k.section()})
                                .toList())
                .map(ExpectationRepository::expectation)
                .all()
                .collectMultimap(Expectation::key)
                .map(found -> {
                    Map<SectionKey, List<Expectation>> waiting = new HashMap<>();
                    found.forEach((k, list) -> waiting.put(k, List.copyOf(list)));
                    return waiting;
                });
    }

    /**
     * Stores planned expectations, each with the status its section's state gives it (see {@link #upsert}); on
     * PostgreSQL in one statement. Of two plans for the same subject the later wins.
     */
    Mono<Void> upsertAll(List<Upsert> upserts, Instant now) {
        if (upserts.isEmpty()) {
            return Mono.empty();
        }
        Map<List<String>, Upsert> bySubject = new LinkedHashMap<>();
        for (Upsert u : upserts) {
            bySubject.put(
                    List.of(
                            u.key().tradeType(),
                            u.key().project(),
                            u.key().section(),
                            u.plan().rule(),
                            u.plan().dataset(),
                            u.plan().discriminator()),
                    u);
        }
        if (!dialect.postgres()) {
            return Flux.fromIterable(bySubject.values())
                    .concatMap(u -> upsert(u.key(), u.plan(), u.status(), u.platform(), u.region(), now))
                    .then();
        }
        List<Object[]> rows = new ArrayList<>(bySubject.size());
        for (Upsert u : bySubject.values()) {
            PlannedExpectation p = u.plan();
            boolean open = Expectation.OPEN.equals(u.status());
            rows.add(new Object[] {
                Ids.next(),
                u.key().tradeType(),
                u.key().project(),
                u.key().section(),
                p.rule(),
                p.dataset(),
                p.discriminator(),
                p.createdBy(),
                p.createdByDataset(),
                u.platform(),
                u.region(),
                p.dueAt(),
                u.status(),
                open ? p.dueAt() : null,
                p.legalBasis(),
                Expectation.MET.equals(u.status()) ? now : null,
                now,
                now
            });
        }
        return Sql.insert(
                        db,
                        "INSERT INTO expectations (id, trade_type, project_code, section_code, rule, "
                                + "dataset, discriminator, created_by, created_by_dataset, platform_code, "
                                + "region_code, due_at, status, next_check_at, legal_basis, met_at, "
                                + "created_at, updated_at)",
                        "ON CONFLICT (trade_type, project_code, section_code, rule, dataset, "
                                + "discriminator) DO UPDATE SET due_at = EXCLUDED.due_at, "
                                + "next_check_at = EXCLUDED.due_at, created_by = EXCLUDED.created_by, "
                                + "updated_at = EXCLUDED.updated_at WHERE expectations.status = 'OPEN' "
                                + "AND EXCLUDED.status = 'OPEN' AND expectations.due_at <> EXCLUDED.due_at",
                        UPSERT_TYPES,
                        rows)
                .then();
    }

    private static final Class<?>[] UPSERT_TYPES = {
        String.class, String.class, String.class, String.class, String.class, String.class, String.class,
        String.class, String.class, String.class, String.class, Instant.class, String.class, Instant.class,
        String.class, Instant.class, Instant.class, Instant.class
    };

    /** Closes waiting expectations (met by a record, or cancelled by a tender exception), in one statement. */
    Mono<Void> closeAll(List<Close> closes, Instant now) {
        if (closes.isEmpty()) {
            return Mono.empty();
        }
        if (closes.size() == 1 || !dialect.postgres()) {
            return Flux.fromIterable(closes)
                    .concatMap(c -> close(c.id(), c.status(), c.byRecord(), now))
                    .then();
        }
        return Sql.execute(db, connection -> {
                    StringBuilder status = new StringBuilder("CASE id");
                    StringBuilder metBy = new StringBuilder("CASE id");
                    StringBuilder ids = new StringBuilder();
                    int n = 0;
                    for (int i = 0; i < closes.size(); i++) {
                        status.append(" WHEN $").append(++n).append(" THEN $").append(++n);
                        metBy.append(" WHEN $").append(++n).append(" THEN $").append(++n);
                        ids.append(i == 0 ? "$" : ", $").append(++n);
                    }
                    String sql = "UPDATE expectations SET status = " + status + " END, met_by = " + metBy
                            + " END, met_at = $" + (n + 1) + ", next_check_at = NULL, updated_at = $" + (n + 2)
                            + " WHERE id IN (" + ids + ")";
                    io.r2dbc.spi.Statement statement = connection.createStatement(sql);
                    int i = 0;
                    for (Close c : closes) {
                        statement.bind(i++, c.id()).bind(i++, c.status()).bind(i++, c.id());
                        if (c.byRecord() == null) {
                            statement.bindNull(i++, String.class);
                        } else {
                            statement.bind(i++, c.byRecord());
                        }
                        statement.bind(i++, c.id());
                    }
                    statement.bind(i++, utc(now)).bind(i, utc(now));
                    return List.of(statement);
                })
                .then();
    }

    /** A planned expectation to store, with the status its section's state gives it. */
    record Upsert(SectionKey key, PlannedExpectation plan, String status, String platform, String region) {}

    /** A waiting expectation to close. */
    record Close(String id, String status, String byRecord) {}

    /**
     * Stores a planned expectation with the status the section's state gives it; when it exists already and is still
     * open, moves its due time (the record that created it was corrected).
     */
    Mono<Void> upsert(
            SectionKey key, PlannedExpectation p, String status, String platform, String region, Instant now) {
        String id = Ids.next();
        boolean open = Expectation.OPEN.equals(status);
        DatabaseClient.GenericExecuteSpec insert = db.sql("INSERT INTO expectations (id, trade_type, project_code, "
                        + "section_code, rule, dataset, discriminator, created_by, created_by_dataset, platform_code, "
                        + "region_code, due_at, status, next_check_at, legal_basis, met_at, created_at, updated_at) "
                        + "VALUES (:id, :t, :p, :s, :rule, :d, :disc, :by, :byd, :pl, :rg, :due, :st, :next, :basis, "
                        + ":met, :now, :now) ON CONFLICT DO NOTHING")
                .bind("id", id)
                .bind("t", key.tradeType())
                .bind("p", key.project())
                .bind("s", key.section())
                .bind("rule", p.rule())
                .bind("d", p.dataset())
                .bind("disc", p.discriminator())
                .bind("by", p.createdBy())
                .bind("byd", p.createdByDataset())
                .bind("pl", platform)
                .bind("due", utc(p.dueAt()))
                .bind("st", status)
                .bind("now", utc(now));
        insert = nullable(insert, "rg", region, String.class);
        insert = nullable(insert, "next", open ? utc(p.dueAt()) : null, OffsetDateTime.class);
        insert = nullable(insert, "basis", p.legalBasis(), String.class);
        insert = nullable(insert, "met", Expectation.MET.equals(status) ? utc(now) : null, OffsetDateTime.class);
        return insert.fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 1 || !open
                        ? Mono.empty()
                        : db.sql("UPDATE expectations SET due_at = :due, next_check_at = :due, created_by = :by, "
                                        + "updated_at = :now WHERE trade_type = :t AND project_code = :p AND section_code = :s "
                                        + "AND rule = :rule AND dataset = :d AND discriminator = :disc AND status = 'OPEN' "
                                        + "AND due_at <> :due")
                                .bind("due", utc(p.dueAt()))
                                .bind("by", p.createdBy())
                                .bind("now", utc(now))
                                .bind("t", key.tradeType())
                                .bind("p", key.project())
                                .bind("s", key.section())
                                .bind("rule", p.rule())
                                .bind("d", p.dataset())
                                .bind("disc", p.discriminator())
                                .then());
    }

    /** Closes a waiting expectation: met by a record, or cancelled by a tender exception. */
    Mono<Void> close(String id, String status, String byRecord, Instant now) {
        return nullable(
                        db.sql("UPDATE expectations SET status = :st, met_by = :by, met_at = :now, "
                                        + "next_check_at = NULL, updated_at = :now WHERE id = :id")
                                .bind("st", status)
                                .bind("now", utc(now))
                                .bind("id", id),
                        "by",
                        byRecord,
                        String.class)
                .then();
    }

    /** Claims due expectations for this transaction; rows claimed by another node's scan are skipped. */
    Flux<Expectation> claimDue(Instant now, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM expectations WHERE next_check_at <= :now "
                        + "ORDER BY next_check_at LIMIT " + limit + " FOR UPDATE SKIP LOCKED")
                .bind("now", utc(now))
                .map(ExpectationRepository::expectation)
                .all();
    }

    /** Marks an expectation breached, with its warning and the next time the scanner must look at it. */
    Mono<Void> breached(String id, String warningId, Instant nextCheck, Instant now) {
        return nullable(
                        db.sql("UPDATE expectations SET status = 'BREACHED', warning_id = :w, next_check_at = :next, "
                                        + "updated_at = :now WHERE id = :id")
                                .bind("w", warningId)
                                .bind("now", utc(now))
                                .bind("id", id),
                        "next",
                        utc(nextCheck),
                        OffsetDateTime.class)
                .then();
    }

    /** The expectations of a project, for the project view. */
    Flux<ExpectationView> ofProject(String project) {
        return db.sql("SELECT " + COLUMNS + ", met_by, met_at FROM expectations WHERE project_code = :p "
                        + "ORDER BY section_code, due_at")
                .bind("p", project)
                .map((row, meta) -> {
                    Expectation e = expectation(row);
                    OffsetDateTime met = row.get("met_at", OffsetDateTime.class);
                    return new ExpectationView(
                            e.id(),
                            e.key().section(),
                            e.rule(),
                            e.dataset(),
                            e.discriminator(),
                            e.createdByDataset(),
                            e.createdBy(),
                            e.dueAt(),
                            e.status(),
                            row.get("met_by", String.class),
                            met == null ? null : met.toInstant(),
                            e.warningId(),
                            e.legalBasis());
                })
                .all();
    }

    static Expectation expectation(Readable row) {
        return new Expectation(
                row.get("id", String.class),
                new SectionKey(
                        row.get("trade_type", String.class),
                        row.get("project_code", String.class),
                        row.get("section_code", String.class)),
                row.get("rule", String.class),
                row.get("dataset", String.class),
                row.get("discriminator", String.class),
                row.get("created_by", String.class),
                row.get("created_by_dataset", String.class),
                row.get("platform_code", String.class),
                row.get("region_code", String.class),
                row.get("due_at", OffsetDateTime.class).toInstant(),
                row.get("status", String.class),
                row.get("legal_basis", String.class),
                row.get("warning_id", String.class));
    }
}
