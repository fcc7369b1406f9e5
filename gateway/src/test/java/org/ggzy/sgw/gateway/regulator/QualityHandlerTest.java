package org.ggzy.sgw.gateway.regulator;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ggzy.sgw.gateway.platform.PlatformCredentials;
import org.ggzy.sgw.gateway.regulator.QualityRepository.Keyed;
import org.ggzy.sgw.gateway.regulator.QualityRepository.PlatformRow;
import org.ggzy.sgw.gateway.regulator.QualityRepository.SectionCount;
import org.ggzy.sgw.gateway.security.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class QualityHandlerTest {

    private static final String FUZHOU = "91350100MA0000001X";
    private static final String XIAMEN = "91350200MA0000002X";
    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private static final Window LAST_30_DAYS = new Window(Instant.parse("2026-10-23T02:00:00Z"), NOW);
    private static final String TN = "gcjs.tender-notice";
    private static final String BO = "gcjs.bid-opening";

    private final QualityRepository repository = mock(QualityRepository.class);
    private RouterFunction<ServerResponse> routes;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        when(repository.platform(FUZHOU)).thenReturn(Mono.just(new PlatformRow(FUZHOU, "福州平台", "350100")));
        when(repository.platform(XIAMEN)).thenReturn(Mono.just(new PlatformRow(XIAMEN, "厦门平台", "350200")));
        when(repository.platform("NOPE")).thenReturn(Mono.empty());
        when(repository.records(anyCollection(), anyCollection(), any()))
                .thenReturn(Flux.just(
                        new Keyed(FUZHOU, TN, Counts.ofRecords(10, 9, 6, 1, 1, 1, 0)),
                        new Keyed(FUZHOU, BO, Counts.ofRecords(2, 0, 0, 0, 0, 0, 0))));
        when(repository.receipts(anyCollection(), anyCollection(), any()))
                .thenReturn(Flux.just(new Keyed(FUZHOU, TN, Counts.ofReceipts(10, 2))));
        when(repository.expectations(anyCollection(), anyCollection(), any(), any()))
                .thenReturn(Flux.just(new Keyed(FUZHOU, BO, Counts.ofExpectations(4, 3))));
        when(repository.openWarnings(any())).thenReturn(Flux.just(new Scores.RuleCount("PUSH_LATE", "YELLOW", 2)));
        QualityService service = new QualityService(repository, clock);
        ProjectHandler projects = new ProjectHandler(mock(ProjectService.class));
        routes = new RegulatorConfig().regulatorRoutes(projects, new QualityHandler(service, clock));
    }

    @Nested
    class PlatformScorecard {

        @Test
        void shouldScoreThePlatformOverTheLastThirtyDaysByDefault() {
            Callers.as(Callers.regulator(List.of("350100"), List.of()), routes)
                    .get()
                    .uri("/api/v1/platforms/" + FUZHOU + "/scorecard")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.platformCode")
                    .isEqualTo(FUZHOU)
                    .jsonPath("$.from")
                    .isEqualTo("2026-10-23T10:00:00.000+08:00")
                    .jsonPath("$.to")
                    .isEqualTo("2026-11-22T10:00:00.000+08:00")
                    .jsonPath("$.records")
                    .isEqualTo(12)
                    .jsonPath("$.timelyRate")
                    .isEqualTo(0.6667)
                    .jsonPath("$.completenessRate")
                    .isEqualTo(0.75)
                    .jsonPath("$.acceptanceRate")
                    .isEqualTo(0.8333)
                    .jsonPath("$.lagBuckets")
                    .isEqualTo(Map.of(
                            "onTime", 6, "sameDay", 1, "oneToThreeDays", 1, "fourToSevenDays", 1, "overSevenDays", 0))
                    .jsonPath("$.byDataset[*].dataset")
                    .isEqualTo(List.of(BO, TN))
                    .jsonPath("$.byDataset[0].timelyRate")
                    .isEmpty()
                    .jsonPath("$.byDataset[0].acceptanceRate")
                    .isEmpty()
                    .jsonPath("$.byDataset[0].completenessRate")
                    .isEqualTo(0.75)
                    .jsonPath("$.byDataset[1].records")
                    .isEqualTo(10)
                    .jsonPath("$.openWarnings[0].rule")
                    .isEqualTo("PUSH_LATE")
                    .jsonPath("$.openWarnings[0].count")
                    .isEqualTo(2);
            verify(repository).records(List.of(FUZHOU), Set.of(), LAST_30_DAYS);
            verify(repository).expectations(List.of(FUZHOU), Set.of(), LAST_30_DAYS, NOW);
        }

        @Test
        void shouldCountOnlyTheTradeTypesOfARegulatorLimitedToSome() {
            Callers.as(Callers.regulator(List.of("350000"), List.of("gcjs")), routes)
                    .get()
                    .uri("/api/v1/platforms/" + FUZHOU + "/scorecard?from=2026-11-01&to=2026-11-30")
                    .exchange()
                    .expectStatus()
                    .isOk();
            verify(repository)
                    .records(
                            List.of(FUZHOU),
                            Set.of("gcjs"),
                            new Window(Instant.parse("2026-10-31T16:00:00Z"), Instant.parse("2026-11-30T16:00:00Z")));
        }

        @Test
        void shouldAnswerNotFoundForAPlatformOutsideTheRegulatorsRegions() {
            Callers.as(Callers.regulator(List.of("350100"), List.of()), routes)
                    .get()
                    .uri("/api/v1/platforms/" + XIAMEN + "/scorecard")
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://ggzy.org/problems/not-found");
            verify(repository, never()).records(anyCollection(), anyCollection(), any());
        }

        @Test
        void shouldShowAnyPlatformToAProvincialRegulator() {
            Callers.as(Callers.province(), routes)
                    .get()
                    .uri("/api/v1/platforms/" + XIAMEN + "/scorecard")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.name")
                    .isEqualTo("厦门平台");
        }

        @Test
        void shouldAnswerNotFoundForAnUnknownPlatform() {
            Callers.as(Callers.province(), routes)
                    .get()
                    .uri("/api/v1/platforms/NOPE/scorecard")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }

        @Test
        void shouldRefuseAWindowThatIsNotATime() {
            Callers.as(Callers.province(), routes)
                    .get()
                    .uri("/api/v1/platforms/" + FUZHOU + "/scorecard?from=last-week")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://ggzy.org/problems/invalid-request");
        }
    }

    @Nested
    class OwnScorecard {

        @Test
        void shouldScoreTheAuthenticatedPlatformInEveryDataSet() {
            PlatformCredentials fuzhou = new PlatformCredentials(FUZHOU, "350100", true, Set.of(TN), List.of("s"));
            Callers.asPlatform(fuzhou, routes)
                    .get()
                    .uri("/internal/api/v1/push/scorecard?from={from}", "2026-11-01T00:00:00+08:00")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.platformCode")
                    .isEqualTo(FUZHOU)
                    .jsonPath("$.from")
                    .isEqualTo("2026-11-01T00:00:00.000+08:00");
            verify(repository)
                    .records(List.of(FUZHOU), Set.of(), new Window(Instant.parse("2026-10-31T16:00:00Z"), NOW));
        }

        @Test
        void shouldNotExistWithoutTheEdgesAuthentication() {
            Callers.asPlatform(null, routes)
                    .get()
                    .uri("/internal/api/v1/push/scorecard")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
    }

    @Nested
    class Overview {

        @BeforeEach
        void platformsAndWarnings() {
            when(repository.platforms(any(Scope.class), any()))
                    .thenReturn(Flux.just(
                            new PlatformRow(FUZHOU, "福州平台", "350100"),
                            new PlatformRow("91350100MA0000003X", "闽侯平台", "350121")));
            when(repository.raised(any(), any())).thenReturn(Mono.just(Map.of("RED", 3L)));
            when(repository.sections(any(), any())).thenReturn(Mono.just(new SectionCount(2, 5)));
        }

        @Test
        void shouldSumThePlatformsInScopeAndListEachWithItsRates() {
            Callers.as(Callers.regulator(List.of("350100"), List.of("gcjs")), routes)
                    .get()
                    .uri("/api/v1/stats/overview")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.region")
                    .isEmpty()
                    .jsonPath("$.records")
                    .isEqualTo(12)
                    .jsonPath("$.accepted")
                    .isEqualTo(10)
                    .jsonPath("$.rejected")
                    .isEqualTo(2)
                    .jsonPath("$.timelyRate")
                    .isEqualTo(0.6667)
                    .jsonPath("$.projects")
                    .isEqualTo(2)
                    .jsonPath("$.sections")
                    .isEqualTo(5)
                    .jsonPath("$.warningsRaised")
                    .isEqualTo(Map.of("YELLOW", 0, "ORANGE", 0, "RED", 3))
                    .jsonPath("$.openWarnings[0].severity")
                    .isEqualTo("YELLOW")
                    .jsonPath("$.platforms[*].platformCode")
                    .isEqualTo(List.of(FUZHOU, "91350100MA0000003X"))
                    .jsonPath("$.platforms[0].acceptanceRate")
                    .isEqualTo(0.8333)
                    .jsonPath("$.platforms[1].records")
                    .isEqualTo(0)
                    .jsonPath("$.platforms[1].timelyRate")
                    .isEmpty();
            verify(repository).records(List.of(FUZHOU, "91350100MA0000003X"), Set.of("gcjs"), LAST_30_DAYS);
        }

        @Test
        void shouldNarrowToARegionInsideTheScope() {
            Callers.as(Callers.regulator(List.of("350000"), List.of()), routes)
                    .get()
                    .uri("/api/v1/stats/overview?region=350100")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.region")
                    .isEqualTo("350100");
            verify(repository).platforms(any(Scope.class), eq("350100"));
        }

        @Test
        void shouldRefuseARegionOutsideTheScope() {
            Callers.as(Callers.regulator(List.of("350100"), List.of()), routes)
                    .get()
                    .uri("/api/v1/stats/overview?region=350000")
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://ggzy.org/problems/forbidden");
        }

        @Test
        void shouldRefuseARegionThatIsNotARegionCode() {
            Callers.as(Callers.province(), routes)
                    .get()
                    .uri("/api/v1/stats/overview?region=35")
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
        }

        @Test
        void shouldCountNothingWhenNoPlatformIsInScope() {
            when(repository.platforms(any(Scope.class), any())).thenReturn(Flux.empty());
            Callers.as(Callers.regulator(List.of("330000"), List.of()), routes)
                    .get()
                    .uri("/api/v1/stats/overview")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.records")
                    .isEqualTo(0)
                    .jsonPath("$.acceptanceRate")
                    .isEmpty()
                    .jsonPath("$.platforms.length()")
                    .isEqualTo(0);
            verify(repository, never()).records(anyCollection(), anyCollection(), any());
        }
    }
}
