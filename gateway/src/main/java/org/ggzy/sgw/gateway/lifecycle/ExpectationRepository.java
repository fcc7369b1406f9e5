package org.ggzy.sgw.gateway.lifecycle;

import static org.ggzy.sgw.gateway.config.Sql.nullable;
import static org.ggzy.sgw.gateway.config.Sql.utc;

import com.github.f4b6a3.ulid.UlidCreator;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
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

    ExpectationRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The section's expectations that are still waiting (open or breached). */
    Flux<Expectation> waiting(SectionKey key) {
        return db.sql("SELECT " + COLUMNS + " FROM expectations WHERE trade_type = :t AND project_code = :p "
                        + "AND section_code = :s AND status IN ('OPEN', 'BREACHED')")
                .bind("t", key.tradeType())
                .bind("p", key.project())
                .bind("s", key.section())
                .map(ExpectationRepository::expectation)
                .all();
    }

    /**
     * Stores a planned expectation with the status the section's state gives it; when it exists already and is still
     * open, moves its due time (the record that created it was corrected).
     */
    Mono<Void> upsert(
            SectionKey key, PlannedExpectation p, String status, String platform, String region, Instant now) {
        String id = UlidCreator.getMonotonicUlid().toString();
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
