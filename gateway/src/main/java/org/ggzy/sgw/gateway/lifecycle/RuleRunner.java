package org.ggzy.sgw.gateway.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ggzy.sgw.gateway.rules.Finding;
import org.ggzy.sgw.gateway.rules.Rule;
import org.ggzy.sgw.gateway.rules.RuleBook;
import org.ggzy.sgw.gateway.rules.RuleContext;
import org.ggzy.sgw.gateway.rules.SectionState;
import org.ggzy.sgw.gateway.warning.Resolution;
import org.ggzy.sgw.gateway.warning.WarningDraft;
import org.ggzy.sgw.gateway.warning.WarningRepository;
import org.ggzy.sgw.gateway.warning.WarningService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the rules that the records just received can affect, on the section's state, and reconciles their findings
 * with the section's open warnings: a new finding raises a warning, a finding that rests on a record just received
 * refreshes it, and a warning of a rule that ran and no longer finds anything resolves itself.
 */
@Component
class RuleRunner {

    private final RuleBook rules;
    private final RuleContext context;
    private final WarningService warnings;

    RuleRunner(RuleBook rules, RuleContext context, WarningService warnings) {
        this.rules = rules;
        this.context = context;
        this.warnings = warnings;
    }

    /** Whether records of these arrivals trigger any rule (only then are their sections' open warnings needed). */
    boolean triggers(List<Arrival> arrivals) {
        return arrivals.stream().anyMatch(a -> !rules.triggeredBy(a.datasetId()).isEmpty());
    }

    /** Runs the triggered rules on the section; {@code openWarnings} are the section's unresolved warnings. */
    Mono<Void> run(
            SectionKey key,
            SectionState state,
            List<Arrival> arrivals,
            List<WarningRepository.OpenWarning> openWarnings,
            String platform,
            String region,
            Instant now,
            LifecycleOutcome outcome) {
        Set<Rule> triggered = new LinkedHashSet<>();
        arrivals.forEach(a -> triggered.addAll(rules.triggeredBy(a.datasetId())));
        if (triggered.isEmpty()) {
            return Mono.empty();
        }
        Map<String, Finding> findings = new LinkedHashMap<>();
        Set<String> ran = triggered.stream().map(Rule::name).collect(Collectors.toSet());
        for (Rule rule : triggered) {
            for (Finding f : rule.evaluate(state, context)) {
                WarningDraft draft =
                        new WarningDraft(f, key.tradeType(), key.project(), key.section(), platform, region, null);
                findings.putIfAbsent(draft.fingerprint(), f);
            }
        }
        Map<String, Integer> arrived =
                arrivals.stream().collect(Collectors.toMap(Arrival::recordId, Arrival::index, (a, b) -> a));
        Map<String, WarningRepository.OpenWarning> open = new LinkedHashMap<>();
        openWarnings.stream().filter(w -> ran.contains(w.rule())).forEach(w -> open.putIfAbsent(w.fingerprint(), w));
        return Flux.fromIterable(findings.entrySet())
                .concatMap(e ->
                        raise(key, e.getValue(), open.containsKey(e.getKey()), arrived, platform, region, now, outcome))
                .thenMany(Flux.fromIterable(open.values())
                        .filter(w -> !findings.containsKey(w.fingerprint()))
                        .concatMap(w -> warnings.resolve(
                                        w.id(),
                                        Resolution.AUTO,
                                        WarningService.SYSTEM,
                                        "条件已不再成立，预警自动解除 / the condition no longer holds",
                                        now)
                                .doOnNext(outcome::add)))
                .then();
    }

    private Mono<Void> raise(
            SectionKey key,
            Finding f,
            boolean open,
            Map<String, Integer> arrived,
            String platform,
            String region,
            Instant now,
            LifecycleOutcome outcome) {
        Integer index = f.recordIds().stream()
                .filter(arrived::containsKey)
                .map(arrived::get)
                .findFirst()
                .orElse(null);
        if (open && index == null) {
            return Mono.empty();
        }
        WarningDraft draft = new WarningDraft(f, key.tradeType(), key.project(), key.section(), platform, region, null);
        return warnings.raise(draft, now)
                .doOnNext(change -> {
                    if (index == null) {
                        outcome.add(change);
                    } else {
                        outcome.add(index, change);
                    }
                })
                .then();
    }
}
