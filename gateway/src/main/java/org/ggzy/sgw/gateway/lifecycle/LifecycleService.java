package org.ggzy.sgw.gateway.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ggzy.sgw.gateway.ownership.ProjectOwnership;
import org.ggzy.sgw.gateway.rules.SectionRecord;
import org.ggzy.sgw.gateway.rules.SectionState;
import org.ggzy.sgw.gateway.warning.WarningDraft;
import org.ggzy.sgw.gateway.warning.WarningRepository;
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
    private final ExpectationRepository expectationRepository;
    private final RuleRunner rules;
    private final PushLate pushLate;
    private final WarningService warningService;
    private final WarningRepository warnings;

    LifecycleService(
            SectionRepository sections,
            ExpectationKeeper expectations,
            ExpectationRepository expectationRepository,
            RuleRunner rules,
            PushLate pushLate,
            WarningService warningService,
            WarningRepository warnings) {
        this.sections = sections;
        this.expectations = expectations;
        this.expectationRepository = expectationRepository;
        this.rules = rules;
        this.pushLate = pushLate;
        this.warningService = warningService;
        this.warnings = warnings;
    }

    /**
     * Applies the records accepted in this push; the caller's transaction commits or rolls back all of it. Set-based:
     * each step below is one statement for all the sections of the push (see {@link SectionRepository}), then the
     * rules run section by section in memory, and the expectation rows they gather are written at once.
     */
    public Mono<LifecycleOutcome> apply(
            String platform,
            String platformRegion,
            ProjectOwnership.Owners owners,
            Instant now,
            List<Arrival> arrivals) {
        LifecycleOutcome outcome = new LifecycleOutcome();
        Map<SectionKey, List<Arrival>> bySection = new TreeMap<>();
        Map<SectionKey, String> namedRegion = new LinkedHashMap<>();
        List<SectionRepository.Attachment> attachments = new ArrayList<>();
        for (Arrival a : arrivals) {
            for (SectionKey key : Subjects.of(a.dataset(), a.node())) {
                bySection.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
                attachments.add(new SectionRepository.Attachment(key, a.datasetId(), a.dataKey(), a.recordId()));
                String region = Subjects.region(a.dataset(), a.node());
                // a section's region comes from its owner's records, never from a co-platform's
                if (region != null && platform.equals(owners.ownerOf(key))) {
                    namedRegion.putIfAbsent(key, region);
                }
            }
        }
        if (bySection.isEmpty()) {
            return Flux.fromIterable(arrivals)
                    .concatMap(a -> late(a, platform, Map.of(), platformRegion, now, outcome))
                    .then(Mono.just(outcome));
        }
        Map<SectionKey, String> regions = new TreeMap<>();
        return sections.lock(bySection.keySet(), namedRegion, platform, now)
                .doOnNext(regions::putAll)
                .then(sections.attach(attachments, platform, now))
                .then(targets(bySection, platform, now, regions))
                .flatMap(targets -> evaluate(targets, platform, platformRegion, owners, regions, now, outcome))
                .thenMany(Flux.fromIterable(arrivals)
                        .concatMap(a -> late(a, platform, regions, platformRegion, now, outcome)))
                .then(Mono.just(outcome));
    }

    /**
     * The sections to evaluate, with the arrivals that concern each: every section touched, and every section of a
     * project touched at project level (locked too, after the others).
     */
    private Mono<Map<SectionKey, List<Arrival>>> targets(
            Map<SectionKey, List<Arrival>> bySection, String platform, Instant now, Map<SectionKey, String> regions) {
        Map<SectionKey, List<Arrival>> targets = new TreeMap<>();
        bySection.forEach((key, list) ->
                targets.computeIfAbsent(key, k -> new ArrayList<>()).addAll(list));
        List<SectionKey> projects =
                bySection.keySet().stream().filter(SectionKey::projectLevel).toList();
        if (projects.isEmpty()) {
            return Mono.just(targets);
        }
        return sections.sectionsOf(projects)
                .doOnNext(
                        s -> targets.computeIfAbsent(s, k -> new ArrayList<>()).addAll(bySection.get(s.projectKey())))
                .then(Mono.defer(() -> {
                    List<SectionKey> unlocked = targets.keySet().stream()
                            .filter(k -> !regions.containsKey(k))
                            .toList();
                    return sections.lock(unlocked, Map.of(), platform, now);
                }))
                .doOnNext(regions::putAll)
                .thenReturn(targets);
    }

    /** Reads what every target needs in three queries, then reconciles and runs the rules section by section. */
    private Mono<Void> evaluate(
            Map<SectionKey, List<Arrival>> targets,
            String platform,
            String platformRegion,
            ProjectOwnership.Owners owners,
            Map<SectionKey, String> regions,
            Instant now,
            LifecycleOutcome outcome) {
        List<String[]> ruled = targets.entrySet().stream()
                .filter(e -> rules.triggers(e.getValue()))
                .map(e -> new String[] {
                    e.getKey().tradeType(), e.getKey().project(), e.getKey().section()
                })
                .toList();
        ExpectationKeeper.Writes writes = new ExpectationKeeper.Writes();
        // one after the other: the three share the transaction's connection
        return sections.states(targets.keySet())
                .flatMap(states -> expectationRepository
                        .waiting(targets.keySet())
                        .flatMap(waiting -> warnings.openIn(ruled)
                                .collectMultimap(w -> new SectionKey(w.tradeType(), w.project(), w.section()))
                                .map(open -> new Reads(states, waiting, open))))
                .flatMap(read -> Flux.fromIterable(targets.entrySet())
                        .concatMap(e -> {
                            SectionKey key = e.getKey();
                            SectionState state = read.states().get(key);
                            String region = regionOr(
                                    regionOf(state, owners.ownerOf(key)), regionOr(regions.get(key), platformRegion));
                            return expectations
                                    .reconcile(
                                            key,
                                            state,
                                            read.waiting().getOrDefault(key, List.of()),
                                            e.getValue(),
                                            platform,
                                            region,
                                            now,
                                            outcome,
                                            writes)
                                    .then(rules.run(
                                            key,
                                            state,
                                            e.getValue(),
                                            List.copyOf(read.open().getOrDefault(key, List.of())),
                                            platform,
                                            region,
                                            now,
                                            outcome));
                        })
                        .then(Mono.defer(() -> expectations.write(writes, now))));
    }

    /** What the targets of a push need, read once for all of them. */
    private record Reads(
            Map<SectionKey, SectionState> states,
            Map<SectionKey, List<Expectation>> waiting,
            Map<SectionKey, Collection<WarningRepository.OpenWarning>> open) {}

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
                    return warningService.raise(
                            new WarningDraft(f, key.tradeType(), key.project(), key.section(), platform, region, null),
                            now);
                })
                .doOnNext(change -> outcome.add(a.index(), change))
                .then();
    }

    /** The region of a section: its owner's own record's region field, else its project's. */
    static String regionOf(SectionState state, String owner) {
        String projectRegion = null;
        for (SectionRecord r : state.records()) {
            if (owner != null && !owner.equals(r.platformCode())) {
                continue;
            }
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
}
