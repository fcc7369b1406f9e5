package org.ggzy.sgw.gateway.warning;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.ggzy.sgw.gateway.config.Sql;
import org.ggzy.sgw.schemas.calendar.WorkingDays;
import org.ggzy.sgw.schemas.check.RegionCodes;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Escalates unhandled warnings (rules.md §6): not acknowledged within 10 working days, the warning is marked overdue
 * and escalated one level, to the regulators of the parent region; not resolved within 15 working days, one level
 * more. Claims due warnings with {@code FOR UPDATE SKIP LOCKED}, so every node may run it.
 */
@Component
public class WarningEscalator {

    private final DatabaseClient db;
    private final WarningService warnings;
    private final WorkingDays workingDays;
    private final EscalationProperties properties;

    WarningEscalator(
            DatabaseClient db, WarningService warnings, WorkingDays workingDays, EscalationProperties properties) {
        this.db = db;
        this.warnings = warnings;
        this.workingDays = workingDays;
        this.properties = properties;
    }

    /** Escalates the due warnings of one batch, inside the caller's transaction. */
    public Flux<WarningChange> escalateDue(Instant now, int limit) {
        return db.sql("SELECT id, status, region_code, escalated_to, escalation_level, raised_at, acknowledged_at "
                        + "FROM warnings WHERE next_escalation_at <= :now ORDER BY next_escalation_at LIMIT " + limit
                        + " FOR UPDATE SKIP LOCKED")
                .bind("now", Sql.utc(now))
                .map((row, meta) -> new Due(
                        row.get("id", String.class),
                        row.get("status", String.class),
                        row.get("region_code", String.class),
                        row.get("escalated_to", String.class),
                        row.get("escalation_level", Integer.class),
                        row.get("raised_at", OffsetDateTime.class).toInstant(),
                        row.get("acknowledged_at", OffsetDateTime.class) != null))
                .all()
                .collectList() // read the claimed rows to the end before using the connection again
                .flatMapMany(Flux::fromIterable)
                .concatMap(due -> escalate(due, now));
    }

    private Mono<WarningChange> escalate(Due due, Instant now) {
        boolean unacknowledged = !due.acknowledged() && due.level() == 0;
        String from = due.escalatedTo() != null ? due.escalatedTo() : due.region();
        String to = from == null ? null : RegionCodes.parent(from).orElse(from);
        Instant next =
                unacknowledged ? workingDays.plusWorkingDays(due.raisedAt(), properties.resolveWorkingDays()) : null;
        String comment = unacknowledged
                ? "未在 " + properties.acknowledgeWorkingDays() + " 个工作日内签收，升级至上级区域 " + to + " / not acknowledged within "
                        + properties.acknowledgeWorkingDays() + " working days"
                : "未在 " + properties.resolveWorkingDays() + " 个工作日内办结，升级至上级区域 " + to + " / not resolved within "
                        + properties.resolveWorkingDays() + " working days";
        return Sql.nullable(
                        Sql.nullable(
                                db.sql("UPDATE warnings SET escalation_level = escalation_level + 1, overdue = TRUE, "
                                                + "escalated_to = :to, next_escalation_at = :next, updated_at = :now "
                                                + "WHERE id = :id")
                                        .bind("now", Sql.utc(now))
                                        .bind("id", due.id()),
                                "to",
                                to,
                                String.class),
                        "next",
                        Sql.utc(next),
                        OffsetDateTime.class)
                .then()
                .then(warnings.change(
                        due.id(), "ESCALATED", WarningService.SYSTEM, now, due.status(), due.status(), comment));
    }

    private record Due(
            String id,
            String status,
            String region,
            String escalatedTo,
            int level,
            Instant raisedAt,
            boolean acknowledged) {}
}
