package org.ggzy.sgw.gateway.regulator;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.ggzy.sgw.gateway.regulator.QualityRepository.Keyed;
import org.ggzy.sgw.gateway.regulator.QualityRepository.PlatformRow;
import org.ggzy.sgw.gateway.regulator.Scores.DatasetScore;
import org.ggzy.sgw.gateway.regulator.Scores.Overview;
import org.ggzy.sgw.gateway.regulator.Scores.PlatformScore;
import org.ggzy.sgw.gateway.regulator.Scores.Scorecard;
import org.ggzy.sgw.gateway.security.Scope;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Platform quality scores (rules.md §5). Records, receipts and expectations count for the platform that pushed them;
 * a regulator limited to some trade types sees the counts of those trade types' data sets only.
 */
@Service
class QualityService {

    static final List<String> SEVERITIES = List.of("YELLOW", "ORANGE", "RED");
    private static final Pattern REGION = Pattern.compile("^[1-9][0-9]{5}$");

    private final QualityRepository repository;
    private final Clock clock;

    QualityService(QualityRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A platform's scorecard for a regulator: only a platform registered in the caller's regions exists. */
    Mono<Scorecard> scorecard(String platformCode, Scope scope, Window window) {
        return repository
                .platform(platformCode)
                .filter(p -> scope.sees(p.regionCode(), null))
                .switchIfEmpty(Mono.error(
                        () -> ProblemType.NOT_FOUND.exception("No platform " + platformCode + " in your scope.")))
                .flatMap(p -> scorecard(p, scope.global() ? Set.of() : scope.tradeTypes(), window));
    }

    /** The authenticated platform's own scorecard, every data set. */
    Mono<Scorecard> ownScorecard(String platformCode, Window window) {
        return repository
                .platform(platformCode)
                .switchIfEmpty(Mono.error(() -> ProblemType.NOT_FOUND.exception("No platform " + platformCode + ".")))
                .flatMap(p -> scorecard(p, Set.of(), window));
    }

    private Mono<Scorecard> scorecard(PlatformRow p, Set<String> tradeTypes, Window window) {
        Where warnings = new Where().eq("platform_code", p.code());
        if (!tradeTypes.isEmpty()) {
            warnings.in("trade_type", tradeTypes);
        }
        return Mono.zip(
                        counts(List.of(p.code()), tradeTypes, window),
                        repository.openWarnings(warnings).collectList())
                .map(t -> {
                    Map<String, Counts> byDataset = byDataset(t.getT1());
                    Counts total = sum(byDataset.values());
                    List<DatasetScore> datasets = byDataset.entrySet().stream()
                            .map(e -> datasetScore(e.getKey(), e.getValue()))
                            .toList();
                    return new Scorecard(
                            p.code(),
                            p.name(),
                            p.regionCode(),
                            Times.format(window.from()),
                            Times.format(window.to()),
                            total.records(),
                            total.timelyRate(),
                            total.completenessRate(),
                            total.acceptanceRate(),
                            total.accepted(),
                            total.rejected(),
                            total.expectationsDue(),
                            total.expectationsMetOnTime(),
                            total.lagBuckets(),
                            datasets,
                            t.getT2());
                });
    }

    /** The caller's overview, optionally narrowed to a region inside the caller's scope. */
    Mono<Overview> overview(Scope scope, String region, Window window) {
        checkRegion(scope, region);
        return repository.platforms(scope, region).collectList().flatMap(platforms -> {
            List<String> codes = platforms.stream().map(PlatformRow::code).toList();
            Set<String> tradeTypes = scope.global() ? Set.of() : scope.tradeTypes();
            return Mono.zip(
                            counts(codes, tradeTypes, window),
                            repository.openWarnings(scoped(scope, region)).collectList(),
                            repository.raised(scoped(scope, region), window),
                            repository.sections(scoped(scope, region), window))
                    .map(t -> overview(window, region, platforms, t.getT1(), t.getT2(), t.getT3(), t.getT4()));
        });
    }

    private static Overview overview(
            Window window,
            String region,
            List<PlatformRow> platforms,
            List<Keyed> keyed,
            List<Scores.RuleCount> open,
            Map<String, Long> raised,
            QualityRepository.SectionCount sections) {
        Map<String, Counts> byPlatform = new TreeMap<>();
        keyed.forEach(k -> byPlatform.merge(k.platformCode(), k.counts(), Counts::plus));
        Counts total = sum(byPlatform.values());
        List<PlatformScore> scores = platforms.stream()
                .map(p -> platformScore(p, byPlatform.getOrDefault(p.code(), Counts.ZERO)))
                .toList();
        Map<String, Long> bySeverity = new java.util.LinkedHashMap<>();
        SEVERITIES.forEach(s -> bySeverity.put(s, raised.getOrDefault(s, 0L)));
        return new Overview(
                Times.format(window.from()),
                Times.format(window.to()),
                region,
                total.records(),
                total.accepted(),
                total.rejected(),
                total.timelyRate(),
                total.completenessRate(),
                total.acceptanceRate(),
                total.lagBuckets(),
                sections.projects(),
                sections.sections(),
                open,
                bySeverity,
                scores);
    }

    private Mono<List<Keyed>> counts(Collection<String> platforms, Set<String> tradeTypes, Window window) {
        if (platforms.isEmpty()) {
            return Mono.just(List.of());
        }
        Instant now = clock.instant();
        return Flux.concat(
                        repository.records(platforms, tradeTypes, window),
                        repository.receipts(platforms, tradeTypes, window),
                        repository.expectations(platforms, tradeTypes, window, now))
                .collectList();
    }

    static Map<String, Counts> byDataset(List<Keyed> keyed) {
        Map<String, Counts> byDataset = new TreeMap<>();
        keyed.forEach(k -> byDataset.merge(k.dataset(), k.counts(), Counts::plus));
        return byDataset;
    }

    static Counts sum(Collection<Counts> counts) {
        return counts.stream().reduce(Counts.ZERO, Counts::plus);
    }

    private static DatasetScore datasetScore(String dataset, Counts c) {
        return new DatasetScore(dataset, c.records(), c.timelyRate(), c.completenessRate(), c.acceptanceRate());
    }

    private static PlatformScore platformScore(PlatformRow p, Counts c) {
        return new PlatformScore(
                p.code(),
                p.name(),
                p.regionCode(),
                c.records(),
                c.timelyRate(),
                c.completenessRate(),
                c.acceptanceRate());
    }

    private static Where scoped(Scope scope, String region) {
        return new Where().scope(scope, "region_code", "trade_type").region("region_code", region);
    }

    private static void checkRegion(Scope scope, String region) {
        if (region == null) {
            return;
        }
        if (!REGION.matcher(region).matches()) {
            throw ProblemType.INVALID_REQUEST.exception("region must be a 6-digit GB/T 2260 code.");
        }
        String prefix = Scope.prefix(region);
        if (!scope.global() && scope.regionPrefixes().stream().noneMatch(prefix::startsWith)) {
            throw ProblemType.FORBIDDEN.exception("Region " + region + " is outside your scope.");
        }
    }
}
