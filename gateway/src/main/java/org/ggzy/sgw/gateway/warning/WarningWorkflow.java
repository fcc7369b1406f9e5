package org.ggzy.sgw.gateway.warning;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ggzy.sgw.gateway.audit.AuditContext;
import org.ggzy.sgw.gateway.audit.AuditLog;
import org.ggzy.sgw.gateway.config.Sql;
import org.ggzy.sgw.gateway.security.Scope;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.ggzy.sgw.schemas.calendar.WorkingDays;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What regulators do with a warning (rules.md §6): acknowledge (OPEN or SILENCED → ACKNOWLEDGED), resolve (any
 * unresolved → RESOLVED), assign (any unresolved, status unchanged). A transition the lifecycle does not allow is a
 * {@code 409 transition-forbidden}; a warning outside the caller's scope does not exist for them ({@code 404}).
 */
@Service
class WarningWorkflow {

    private static final Set<String> UNRESOLVED = Set.of("OPEN", "ACKNOWLEDGED", "SILENCED");

    private final DatabaseClient db;
    private final WarningService warnings;
    private final AuditLog audit;
    private final Clock clock;
    private final Escalation escalation;

    WarningWorkflow(DatabaseClient db, WarningService warnings, AuditLog audit, Clock clock, Escalation escalation) {
        this.db = db;
        this.warnings = warnings;
        this.audit = audit;
        this.clock = clock;
        this.escalation = escalation;
    }

    enum Action {
        ACKNOWLEDGE,
        RESOLVE,
        ASSIGN
    }

    /** Applies an action and records it in the audit trail, in one transaction; returns the committed change. */
    Mono<WarningChange> apply(
            AuditContext ctx, String id, Action action, Scope scope, String comment, String assignee) {
        Instant now = clock.instant();
        return lock(id, scope)
                .flatMap(current -> (switch (action) {
                            case ACKNOWLEDGE -> acknowledge(current, scope, comment, now);
                            case RESOLVE -> resolve(current, scope, comment, now);
                            case ASSIGN -> assign(current, scope, comment, assignee, now);
                        })
                        .flatMap(change ->
                                audited(ctx, action, current, comment, assignee).thenReturn(change)))
                .as(audit::transactional);
    }

    private Mono<Void> audited(AuditContext ctx, Action action, Current before, String comment, String assignee) {
        return db.sql("SELECT status, assignee FROM warnings WHERE id = :id")
                .bind("id", before.id())
                .map((row, meta) -> {
                    Map<String, Object> after = new LinkedHashMap<>();
                    after.put("status", row.get("status", String.class));
                    after.put("assignee", row.get("assignee", String.class));
                    after.put("comment", comment);
                    return after;
                })
                .one()
                .flatMap(after -> audit.append(
                        ctx,
                        "warning." + action.name().toLowerCase(Locale.ROOT),
                        "warning:" + before.id(),
                        Map.of("status", before.status()),
                        after));
    }

    private Mono<Current> lock(String id, Scope scope) {
        return db.sql("SELECT id, status, region_code, trade_type, escalation_level, raised_at FROM warnings "
                        + "WHERE id = :id FOR UPDATE")
                .bind("id", id)
                .map((row, meta) -> new Current(
                        row.get("id", String.class),
                        row.get("status", String.class),
                        row.get("region_code", String.class),
                        row.get("trade_type", String.class),
                        row.get("escalation_level", Integer.class),
                        row.get("raised_at", OffsetDateTime.class).toInstant()))
                .one()
                .filter(c -> scope.sees(c.region(), c.tradeType()))
                .switchIfEmpty(
                        Mono.error(() -> ProblemType.NOT_FOUND.exception("No warning " + id + " in your scope.")));
    }

    private Mono<WarningChange> acknowledge(Current c, Scope scope, String comment, Instant now) {
        if (!List.of("OPEN", "SILENCED").contains(c.status())) {
            return forbidden(c, "acknowledge");
        }
        Instant next = c.level() == 0
                ? escalation
                        .workingDays()
                        .plusWorkingDays(c.raisedAt(), escalation.properties().resolveWorkingDays())
                : null;
        return Sql.nullable(
                        db.sql("UPDATE warnings SET status = 'ACKNOWLEDGED', acknowledged_at = :now, "
                                        + "next_escalation_at = COALESCE(:next, next_escalation_at), updated_at = :now "
                                        + "WHERE id = :id")
                                .bind("now", Sql.utc(now))
                                .bind("id", c.id()),
                        "next",
                        Sql.utc(next),
                        OffsetDateTime.class)
                .then()
                .then(warnings.change(c.id(), "ACKNOWLEDGED", scope.actor(), now, c.status(), "ACKNOWLEDGED", comment));
    }

    private Mono<WarningChange> resolve(Current c, Scope scope, String comment, Instant now) {
        if (!UNRESOLVED.contains(c.status())) {
            return forbidden(c, "resolve");
        }
        return warnings.resolve(c.id(), Resolution.MANUAL, scope.actor(), comment, now);
    }

    private Mono<WarningChange> assign(Current c, Scope scope, String comment, String assignee, Instant now) {
        if (assignee == null || assignee.isBlank()) {
            return Mono.error(ProblemType.INVALID_REQUEST.exception("assignee is required"));
        }
        if (!UNRESOLVED.contains(c.status())) {
            return forbidden(c, "assign");
        }
        return db.sql("UPDATE warnings SET assignee = :a, updated_at = :now WHERE id = :id")
                .bind("a", assignee)
                .bind("now", Sql.utc(now))
                .bind("id", c.id())
                .then()
                .then(warnings.change(
                        c.id(),
                        "ASSIGNED",
                        scope.actor(),
                        now,
                        c.status(),
                        c.status(),
                        comment == null ? "assigned to " + assignee : comment + " (assigned to " + assignee + ")"));
    }

    private static Mono<WarningChange> forbidden(Current c, String action) {
        return Mono.error(ProblemType.TRANSITION_FORBIDDEN.exception("A warning in status " + c.status() + " cannot be "
                + (action.equals("assign") ? "assigned" : action + "d")
                + " (" + action + " is allowed from "
                + (action.equals("acknowledge") ? "OPEN or SILENCED" : "OPEN, ACKNOWLEDGED or SILENCED")
                + ")."));
    }

    private record Current(String id, String status, String region, String tradeType, int level, Instant raisedAt) {}

    /** The escalation settings acknowledgement needs. */
    @org.springframework.stereotype.Component
    record Escalation(WorkingDays workingDays, EscalationProperties properties) {}
}
