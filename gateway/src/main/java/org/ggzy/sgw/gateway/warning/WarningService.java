package org.ggzy.sgw.gateway.warning;

import static org.ggzy.sgw.gateway.config.Sql.nullable;
import static org.ggzy.sgw.gateway.config.Sql.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ggzy.sgw.gateway.config.Ids;
import org.ggzy.sgw.gateway.outbox.OutboxWriter;
import org.ggzy.sgw.gateway.rules.Finding;
import org.ggzy.sgw.gateway.rules.Severity;
import org.ggzy.sgw.schemas.calendar.WorkingDays;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Writes warnings, always inside the caller's transaction: raises (or refreshes the open warning with the same
 * fingerprint), upgrades, resolves. Every change is stored as an event and returned, to be published after commit.
 */
@Service
public class WarningService {

    public static final String SYSTEM = "system";

    private final DatabaseClient db;
    private final SilenceRepository silences;
    private final WorkingDays workingDays;
    private final EscalationProperties escalation;
    private final OutboxWriter outbox;
    private final ObjectMapper json = new ObjectMapper();

    WarningService(
            DatabaseClient db,
            SilenceRepository silences,
            WorkingDays workingDays,
            EscalationProperties escalation,
            OutboxWriter outbox) {
        this.db = db;
        this.silences = silences;
        this.workingDays = workingDays;
        this.escalation = escalation;
        this.outbox = outbox;
    }

    /** Raises a warning, or refreshes the open one with the same fingerprint. */
    public Mono<WarningChange> raise(WarningDraft draft, Instant now) {
        return silences.matches(draft.finding().rule(), draft.platformCode(), draft.regionCode(), now)
                .flatMap(silenced -> insert(draft, silenced, now))
                .switchIfEmpty(Mono.defer(() -> refresh(draft, now)));
    }

    private Mono<WarningChange> insert(WarningDraft draft, boolean silenced, Instant now) {
        Finding f = draft.finding();
        String id = Ids.next();
        WarningStatus status = silenced ? WarningStatus.SILENCED : WarningStatus.OPEN;
        Instant escalateAt = silenced ? null : workingDays.plusWorkingDays(now, escalation.acknowledgeWorkingDays());
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO warnings (id, rule, severity, status, "
                        + "platform_code, region_code, trade_type, tender_project_code, bid_section_code, dataset, "
                        + "fingerprint, open_fingerprint, message, message_zh, legal_basis, evidence, raised_at, "
                        + "last_seen_at, occurrences, due_at, escalation_level, overdue, next_escalation_at, "
                        + "expectation_id, updated_at) VALUES (:id, :rule, :sev, :st, :pl, :rg, :tt, :tp, :bs, :ds, "
                        + ":fp, :fp, :msg, :zh, :basis, :ev, :now, :now, 1, :due, 0, FALSE, :esc, :exp, :now) "
                        + "ON CONFLICT DO NOTHING")
                .bind("id", id)
                .bind("rule", f.rule())
                .bind("sev", f.severity().name())
                .bind("st", status.name())
                .bind("pl", draft.platformCode())
                .bind("tt", draft.tradeType())
                .bind("tp", draft.projectCode())
                .bind("bs", draft.sectionCode())
                .bind("fp", draft.fingerprint())
                .bind("msg", f.message())
                .bind("zh", f.messageZh())
                .bind("ev", evidence(f))
                .bind("now", utc(now));
        spec = nullable(spec, "rg", draft.regionCode(), String.class);
        spec = nullable(spec, "ds", f.dataset(), String.class);
        spec = nullable(spec, "basis", f.legalBasis(), String.class);
        spec = nullable(spec, "due", utc(f.dueAt()), OffsetDateTime.class);
        spec = nullable(spec, "esc", utc(escalateAt), OffsetDateTime.class);
        spec = nullable(spec, "exp", draft.expectationId(), String.class);
        return spec.fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 0
                        ? Mono.empty()
                        : deliver(id, draft, status, now)
                                .then(event(
                                        id,
                                        silenced ? "SILENCED" : "RAISED",
                                        SYSTEM,
                                        now,
                                        null,
                                        status.name(),
                                        f.message()))
                                .map(seq -> new WarningChange(
                                        seq,
                                        id,
                                        f.rule(),
                                        f.severity().name(),
                                        silenced ? "SILENCED" : "RAISED",
                                        !silenced)));
    }

    private Mono<WarningChange> refresh(WarningDraft draft, Instant now) {
        Finding f = draft.finding();
        return db.sql("SELECT id, severity, status FROM warnings WHERE open_fingerprint = :fp FOR UPDATE")
                .bind("fp", draft.fingerprint())
                .map((row, meta) -> new String[] {
                    row.get("id", String.class), row.get("severity", String.class), row.get("status", String.class)
                })
                .one()
                .flatMap(open -> {
                    String severity =
                            Severity.valueOf(open[1]).max(f.severity()).name();
                    return db.sql("UPDATE warnings SET last_seen_at = :now, occurrences = occurrences + 1, "
                                    + "severity = :sev, evidence = :ev, message = :msg, message_zh = :zh, "
                                    + "updated_at = :now WHERE id = :id")
                            .bind("now", utc(now))
                            .bind("sev", severity)
                            .bind("ev", evidence(f))
                            .bind("msg", f.message())
                            .bind("zh", f.messageZh())
                            .bind("id", open[0])
                            .then()
                            .then(event(open[0], "REFRESHED", SYSTEM, now, open[2], open[2], f.message()))
                            .map(seq -> new WarningChange(
                                    seq, open[0], f.rule(), severity, "REFRESHED", !"SILENCED".equals(open[2])));
                });
    }

    /** Writes the deliveries of a new warning (notifications, feeds); silenced warnings are not delivered. */
    private Mono<Integer> deliver(String id, WarningDraft draft, WarningStatus status, Instant now) {
        if (status == WarningStatus.SILENCED) {
            return Mono.just(0);
        }
        Finding f = draft.finding();
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("id", id);
        w.put("rule", f.rule());
        w.put("severity", f.severity().name());
        w.put("status", status.name());
        w.put("platformCode", draft.platformCode());
        w.put("regionCode", draft.regionCode());
        w.put("tradeType", draft.tradeType());
        w.put("tenderProjectCode", draft.projectCode());
        w.put("bidSectionCode", draft.sectionCode());
        w.put("dataset", f.dataset());
        w.put("message", f.message());
        w.put("messageZh", f.messageZh());
        w.put("legalBasis", f.legalBasis());
        w.put("evidence", f.evidence());
        w.put("raisedAt", WarningRepository.TIME.format(now));
        w.put("dueAt", f.dueAt() == null ? null : WarningRepository.TIME.format(f.dueAt()));
        return outbox.warning(w, now);
    }

    /** Raises the severity of an open warning (a missing stage long overdue). */
    public Mono<WarningChange> upgrade(String id, Severity severity, String comment, Instant now) {
        return db.sql("UPDATE warnings SET severity = :sev, updated_at = :now WHERE id = :id AND status <> 'RESOLVED'")
                .bind("sev", severity.name())
                .bind("now", utc(now))
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .filter(n -> n > 0)
                .flatMap(n -> change(id, "UPGRADED", SYSTEM, now, null, null, comment));
    }

    /** Resolves a warning that is not resolved yet; empty when it already was. */
    public Mono<WarningChange> resolve(String id, Resolution resolution, String actor, String comment, Instant now) {
        return db.sql("SELECT status FROM warnings WHERE id = :id AND status <> 'RESOLVED' FOR UPDATE")
                .bind("id", id)
                .map((row, meta) -> row.get("status", String.class))
                .one()
                .flatMap(from -> db.sql("UPDATE warnings SET status = 'RESOLVED', open_fingerprint = NULL, "
                                + "resolved_at = :now, resolution = :res, next_escalation_at = NULL, updated_at = :now "
                                + "WHERE id = :id")
                        .bind("now", utc(now))
                        .bind("res", resolution.name())
                        .bind("id", id)
                        .then()
                        .then(change(id, "RESOLVED", actor, now, from, "RESOLVED", comment)));
    }

    /** Stores an event for a change made by the caller and describes it for publication. */
    Mono<WarningChange> change(
            String id, String type, String actor, Instant now, String from, String to, String comment) {
        return event(id, type, actor, now, from, to, comment)
                .flatMap(seq -> db.sql("SELECT rule, severity, status FROM warnings WHERE id = :id")
                        .bind("id", id)
                        .map((row, meta) -> new WarningChange(
                                seq,
                                id,
                                row.get("rule", String.class),
                                row.get("severity", String.class),
                                type,
                                !"SILENCED".equals(row.get("status", String.class))))
                        .one());
    }

    Mono<Long> event(String id, String type, String actor, Instant at, String from, String to, String comment) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO warning_events (warning_id, type, actor, at, "
                        + "from_status, to_status, comment) VALUES (:id, :type, :actor, :at, :from, :to, :comment)")
                .bind("id", id)
                .bind("type", type)
                .bind("actor", actor)
                .bind("at", utc(at));
        spec = nullable(spec, "from", from, String.class);
        spec = nullable(spec, "to", to, String.class);
        spec = nullable(spec, "comment", comment, String.class);
        return spec.filter(s -> s.returnGeneratedValues("seq"))
                .map((row, meta) -> row.get("seq", Long.class))
                .one();
    }

    private String evidence(Finding f) {
        try {
            return json.writeValueAsString(f.evidence());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence not serialisable", e);
        }
    }
}
