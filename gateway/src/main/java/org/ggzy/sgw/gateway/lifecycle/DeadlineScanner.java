package org.ggzy.sgw.gateway.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ggzy.sgw.gateway.rules.Finding;
import org.ggzy.sgw.gateway.rules.Severity;
import org.ggzy.sgw.gateway.warning.WarningBus;
import org.ggzy.sgw.gateway.warning.WarningChange;
import org.ggzy.sgw.gateway.warning.WarningDraft;
import org.ggzy.sgw.gateway.warning.WarningEscalator;
import org.ggzy.sgw.gateway.warning.WarningService;
import org.ggzy.sgw.schemas.SpecTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The deadline scanner (rules.md §2): claims due expectations in batches, one transaction each, with
 * {@code FOR UPDATE SKIP LOCKED} so that any number of nodes can scan at once; raises STAGE_MISSING, SEQUENCE_GAP
 * and AV_ARCHIVE_MISSING (ORANGE), upgrades missing stages to RED once long overdue, then escalates unhandled
 * warnings. Only rows with a {@code next_check_at} are looked at (a partial index), so closed sections cost nothing.
 */
@Component
public class DeadlineScanner {

    private final ExpectationRepository expectations;
    private final WarningService warnings;
    private final WarningEscalator escalator;
    private final TransactionalOperator tx;
    private final Support support;

    DeadlineScanner(
            ExpectationRepository expectations,
            WarningService warnings,
            WarningEscalator escalator,
            TransactionalOperator tx,
            Support support) {
        this.expectations = expectations;
        this.warnings = warnings;
        this.escalator = escalator;
        this.tx = tx;
        this.support = support;
    }

    /** One full scan at the clock's time. */
    public Mono<ScanResult> scan() {
        Instant now = support.clock().instant();
        int batch = support.properties().batchSize();
        return batches(() -> expectationBatch(now, batch), batch)
                .concatWith(Flux.defer(() -> batches(() -> escalationBatch(now, batch), batch)))
                .reduce(new ScanResult(0, 0, 0), ScanResult::plus);
    }

    /** Runs batches until one claims fewer rows than the batch size. */
    private Flux<ScanResult> batches(java.util.function.Supplier<Mono<Batch>> next, int size) {
        return next.get()
                .expand(b -> b.claimed() < size ? Mono.empty() : next.get())
                .map(Batch::result);
    }

    private Mono<Batch> expectationBatch(Instant now, int limit) {
        List<WarningChange> changes = new ArrayList<>();
        int[] counts = new int[3];
        return expectations
                .claimDue(now, limit)
                .collectList() // read the claimed rows to the end before using the connection again
                .flatMapMany(Flux::fromIterable)
                .concatMap(e -> process(e, now, changes, counts).thenReturn(e))
                .count()
                .as(tx::transactional)
                .flatMap(n -> support.bus()
                        .publish(changes)
                        .thenReturn(new Batch(n.intValue(), new ScanResult(counts[0], counts[1], 0))));
    }

    private Mono<Batch> escalationBatch(Instant now, int limit) {
        List<WarningChange> changes = new ArrayList<>();
        return escalator
                .escalateDue(now, limit)
                .doOnNext(changes::add)
                .count()
                .as(tx::transactional)
                .flatMap(n -> support.bus()
                        .publish(changes)
                        .thenReturn(new Batch(n.intValue(), new ScanResult(0, 0, n.intValue()))));
    }

    private Mono<Void> process(Expectation e, Instant now, List<WarningChange> changes, int[] counts) {
        if (Expectation.OPEN.equals(e.status())) {
            boolean upgradable = ExpectationPlanner.STAGE_MISSING.equals(e.rule());
            Instant upgradeAt = e.dueAt().plus(support.timeliness().overdueUpgradeAfter());
            Severity severity = upgradable && !now.isBefore(upgradeAt) ? Severity.RED : Severity.ORANGE;
            WarningDraft draft = new WarningDraft(
                    finding(e, severity),
                    e.key().tradeType(),
                    e.key().project(),
                    e.key().section(),
                    e.platformCode(),
                    e.regionCode(),
                    e.id());
            return warnings.raise(draft, now).flatMap(change -> {
                changes.add(change);
                counts[0]++;
                Instant next = upgradable && severity == Severity.ORANGE ? upgradeAt : null;
                return expectations.breached(e.id(), change.warningId(), next, now);
            });
        }
        if (Expectation.BREACHED.equals(e.status()) && e.warningId() != null) {
            return warnings.upgrade(
                            e.warningId(),
                            Severity.RED,
                            "逾期超过 "
                                    + support.timeliness().overdueUpgradeAfter().toDays()
                                    + " 日，升级为严重预警 / more than "
                                    + support.timeliness().overdueUpgradeAfter().toDays() + " days overdue",
                            now)
                    .doOnNext(change -> {
                        changes.add(change);
                        counts[1]++;
                    })
                    .then(expectations.breached(e.id(), e.warningId(), null, now));
        }
        return expectations.breached(e.id(), e.warningId(), null, now);
    }

    Finding finding(Expectation e, Severity severity) {
        String label = support.planner().label(e.dataset());
        String due = SpecTime.formatTs14(e.dueAt());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("expectationId", e.id());
        evidence.put("expectedDataset", e.dataset());
        evidence.put("createdByDataset", e.createdByDataset());
        evidence.put("createdByRecord", e.createdBy());
        evidence.put("dueAt", due);
        if (!e.discriminator().isEmpty()) {
            evidence.put("ACTIVITY_TYPE", e.discriminator());
        }
        String what =
                switch (e.rule()) {
                    case ExpectationPlanner.SEQUENCE_GAP -> "prerequisite ";
                    case ExpectationPlanner.AV_ARCHIVE_MISSING ->
                        "audio-video archive (activity type " + e.discriminator() + ") ";
                    default -> "";
                };
        String discriminator = e.discriminator().isEmpty() ? e.dataset() : e.dataset() + ":" + e.discriminator();
        return new Finding(
                e.rule(),
                severity,
                e.dataset(),
                discriminator,
                "Expected " + what + e.dataset() + " (" + label + ") was due by " + due + " (China time) after "
                        + e.createdByDataset() + " and has not been received",
                "应于 " + due + " 前推送的" + label + "尚未收到（由" + support.planner().label(e.createdByDataset()) + "产生）",
                e.legalBasis(),
                evidence,
                e.createdBy() == null ? List.of() : List.of(e.createdBy()),
                e.dueAt());
    }

    private record Batch(int claimed, ScanResult result) {}

    /** The scanner's collaborators that are not repositories. */
    @Component
    static class Support {
        private final Clock clock;
        private final ScannerProperties properties;
        private final TimelinessProperties timeliness;
        private final ExpectationPlanner planner;
        private final WarningBus bus;

        Support(
                Clock clock,
                ScannerProperties properties,
                TimelinessProperties timeliness,
                ExpectationPlanner planner,
                WarningBus bus) {
            this.clock = clock;
            this.properties = properties;
            this.timeliness = timeliness;
            this.planner = planner;
            this.bus = bus;
        }

        Clock clock() {
            return clock;
        }

        ScannerProperties properties() {
            return properties;
        }

        TimelinessProperties timeliness() {
            return timeliness;
        }

        ExpectationPlanner planner() {
            return planner;
        }

        WarningBus bus() {
            return bus;
        }
    }
}
