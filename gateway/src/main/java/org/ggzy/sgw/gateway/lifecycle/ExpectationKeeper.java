package org.ggzy.sgw.gateway.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ggzy.sgw.gateway.rules.SectionRecord;
import org.ggzy.sgw.gateway.rules.SectionState;
import org.ggzy.sgw.gateway.warning.Resolution;
import org.ggzy.sgw.gateway.warning.WarningService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps a section's expectations in step with its state, inside the push transaction: a waiting expectation whose
 * record is now known is met (its warning resolves itself); after a tender exception every waiting one is cancelled
 * (its warning too); the records just received create their own expectations, already met or cancelled when the state
 * says so, so that the result does not depend on the order in which records arrived.
 */
@Component
class ExpectationKeeper {

    private final ExpectationRepository expectations;
    private final ExpectationPlanner planner;
    private final WarningService warnings;

    ExpectationKeeper(ExpectationRepository expectations, ExpectationPlanner planner, WarningService warnings) {
        this.expectations = expectations;
        this.planner = planner;
        this.warnings = warnings;
    }

    /**
     * Reconciles the section's waiting expectations with its state and plans the arrivals' own; the expectation rows
     * to write are added to {@code writes} (written for all sections of the push at once), the warnings of closed
     * expectations are resolved now.
     */
    Mono<Void> reconcile(
            SectionKey key,
            SectionState state,
            List<Expectation> waiting,
            List<Arrival> arrivals,
            String platform,
            String region,
            Instant now,
            LifecycleOutcome outcome,
            Writes writes) {
        for (Arrival a : arrivals) {
            for (PlannedExpectation p : planner.plan(a, state, now)) {
                writes.upserts.add(new ExpectationRepository.Upsert(key, p, status(state, p), platform, region));
            }
        }
        return Flux.fromIterable(waiting)
                .concatMap(e -> close(e, state, now, outcome, writes))
                .then();
    }

    /** Writes the expectation rows that the sections of a push gathered. */
    Mono<Void> write(Writes writes, Instant now) {
        return expectations.closeAll(writes.closes, now).then(expectations.upsertAll(writes.upserts, now));
    }

    /** Expectation rows to write, gathered over the sections of one push. */
    static final class Writes {
        private final List<ExpectationRepository.Close> closes = new ArrayList<>();
        private final List<ExpectationRepository.Upsert> upserts = new ArrayList<>();
    }

    private Mono<Void> close(Expectation e, SectionState state, Instant now, LifecycleOutcome outcome, Writes writes) {
        Optional<SectionRecord> met = ExpectationPlanner.satisfying(state, e.dataset(), e.discriminator());
        if (met.isPresent()) {
            writes.closes.add(new ExpectationRepository.Close(
                    e.id(), Expectation.MET, met.get().recordId()));
            return resolve(
                    e,
                    Resolution.AUTO,
                    "已收到" + planner.label(e.dataset()) + "（" + met.get().dataKey()
                            + "），预警自动解除 / the expected record arrived",
                    now,
                    outcome);
        }
        Optional<SectionRecord> exception = ExpectationPlanner.exception(state);
        if (exception.isPresent()) {
            writes.closes.add(new ExpectationRepository.Close(
                    e.id(), Expectation.CANCELLED, exception.get().recordId()));
            return resolve(
                    e,
                    Resolution.CANCELLED,
                    "标段(包)已发生异常（" + exception.get().text("EXCEPTION_TYPE")
                            + "），期待事项取消 / cancelled by a tender exception",
                    now,
                    outcome);
        }
        return Mono.empty();
    }

    private Mono<Void> resolve(
            Expectation e, Resolution resolution, String comment, Instant now, LifecycleOutcome outcome) {
        if (e.warningId() == null) {
            return Mono.empty();
        }
        return warnings.resolve(e.warningId(), resolution, WarningService.SYSTEM, comment, now)
                .doOnNext(outcome::add)
                .then();
    }

    private static String status(SectionState state, PlannedExpectation p) {
        if (ExpectationPlanner.satisfying(state, p.dataset(), p.discriminator()).isPresent()) {
            return Expectation.MET;
        }
        return ExpectationPlanner.exception(state).isPresent() ? Expectation.CANCELLED : Expectation.OPEN;
    }
}
