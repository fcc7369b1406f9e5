package org.ggzy.sgw.gateway.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ggzy.sgw.gateway.rules.SectionRecord;
import org.ggzy.sgw.gateway.rules.SectionState;
import org.ggzy.sgw.gateway.warning.WarningDraft;
import org.ggzy.sgw.gateway.warning.WarningService;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The supervision side of a push, inside its transaction: attaches the accepted records to their sections (locking
 * each section, in key order), keeps expectations in step, runs the rules and raises {@code PUSH_LATE}. A record of
 * a project (not of a section) re-evaluates every section of that project.
 */
@Service
public class LifecycleService {

    private final SectionRepository sections;
    private final ExpectationKeeper expectations;
    private final RuleRunner rules;
    private final PushLate pushLate;
    private final WarningService warnings;

    LifecycleService(
            SectionRepository sections,
            ExpectationKeeper expectations,
            RuleRunner rules,
            PushLate pushLate,
            WarningService warnings) {
        this.sections = sections;
        this.expectations = expectations;
        this.rules = rules;
        this.pushLate = pushLate;
        this.warnings = warnings;
    }

    /** Applies the records accepted in this push; the caller's transaction commits or rolls back all of it. */
    public Mono<LifecycleOutcome> apply(String platform, String platformRegion, Instant now, List<Arrival> arrivals) {
        LifecycleOutcome outcome = new LifecycleOutcome();
        Map<SectionKey, List<Arrival>> bySection = new TreeMap<>();
        Map<SectionKey, String> namedRegion = new LinkedHashMap<>();
        for (Arrival a : arrivals) {
            for (SectionKey key : Subjects.of(a.dataset(), a.node())) {
                bySection.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
                String region = Subjects.region(a.dataset(), a.node());
                if (region != null) {
                    namedRegion.putIfAbsent(key, region);
                }
            }
        }
        Map<SectionKey, String> regions = new LinkedHashMap<>();
        return Flux.fromIterable(bySection.keySet())
                .concatMap(key ->
                        sections.lock(key, namedRegion.get(key), platform, now).doOnNext(r -> regions.put(key, r)))
                .thenMany(Flux.fromIterable(bySection.entrySet())
                        .concatMap(e -> attach(e.getKey(), e.getValue(), platform, now)))
                .thenMany(targets(bySection, platform, now, regions))
                .concatMap(t -> evaluate(
                        t.key(), t.arrivals(), platform, regionOr(regions.get(t.key()), platformRegion), now, outcome))
                .thenMany(Flux.fromIterable(arrivals)
                        .concatMap(a -> late(a, platform, regions, platformRegion, now, outcome)))
                .then(Mono.just(outcome));
    }

    private Mono<Void> attach(SectionKey key, List<Arrival> arrivals, String platform, Instant now) {
        return Flux.fromIterable(arrivals)
                .concatMap(a -> sections.attach(key, platform, a.datasetId(), a.dataKey(), a.recordId(), now))
                .then();
    }

    /** The sections to evaluate: each section touched, and every section of a project touched at project level. */
    private Flux<Target> targets(
            Map<SectionKey, List<Arrival>> bySection, String platform, Instant now, Map<SectionKey, String> regions) {
        Map<SectionKey, List<Arrival>> targets = new TreeMap<>();
        bySection.forEach((key, list) ->
                targets.computeIfAbsent(key, k -> new ArrayList<>()).addAll(list));
        return Flux.fromIterable(bySection.entrySet())
                .filter(e -> e.getKey().projectLevel())
                .concatMap(e -> sections.sectionsOf(
                                e.getKey().tradeType(), e.getKey().project())
                        .doOnNext(s -> targets.computeIfAbsent(s, k -> new ArrayList<>())
                                .addAll(e.getValue())))
                .thenMany(Flux.defer(() -> Flux.fromIterable(targets.entrySet())))
                .concatMap(e -> regions.containsKey(e.getKey())
                        ? Mono.just(new Target(e.getKey(), e.getValue()))
                        : sections.lock(e.getKey(), null, platform, now)
                                .doOnNext(r -> regions.put(e.getKey(), r))
                                .thenReturn(new Target(e.getKey(), e.getValue())));
    }

    private Mono<Void> evaluate(
            SectionKey key, List<Arrival> arrivals, String platform, String region, Instant now, LifecycleOutcome o) {
        return sections.state(key).flatMap(state -> {
            String r = regionOr(regionOf(state), region);
            return expectations
                    .reconcile(key, state, arrivals, platform, r, now, o)
                    .then(rules.run(key, state, arrivals, platform, r, now, o));
        });
    }

    private Mono<Void> late(
            Arrival a,
            String platform,
            Map<SectionKey, String> regions,
            String platformRegion,
            Instant now,
            LifecycleOutcome outcome) {
        if (a.lag() == null) {
            return Mono.empty();
        }
        return Mono.justOrEmpty(pushLate.finding(a.dataset(), a.node(), a.lag(), a.recordId()))
                .flatMap(f -> {
                    List<SectionKey> keys = Subjects.of(a.dataset(), a.node());
                    if (keys.isEmpty()) {
                        return Mono.empty();
                    }
                    SectionKey key =
                            keys.size() == 1 ? keys.get(0) : keys.get(0).projectKey();
                    String region = regionOr(regions.get(key), regionOr(regions.get(keys.get(0)), platformRegion));
                    return warnings.raise(
                            new WarningDraft(f, key.tradeType(), key.project(), key.section(), platform, region, null),
                            now);
                })
                .doOnNext(change -> outcome.add(a.index(), change))
                .then();
    }

    /** The region of a section: its own record's region field, else its project's. */
    static String regionOf(SectionState state) {
        String projectRegion = null;
        for (SectionRecord r : state.records()) {
            String region = r.text("REGION_CODE");
            if (region != null) {
                if (!r.dataset().endsWith("tender-project") && !r.dataset().equals("gcjs.project")) {
                    return region;
                }
                projectRegion = projectRegion == null ? region : projectRegion;
            }
        }
        return projectRegion;
    }

    private static String regionOr(String region, String fallback) {
        return region == null || region.isEmpty() ? fallback : region;
    }

    private record Target(SectionKey key, List<Arrival> arrivals) {}
}
