package org.ggzy.sgw.gateway.regulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.ggzy.sgw.gateway.regulator.ProjectRepository.ReceiptBody;
import org.ggzy.sgw.gateway.warning.WarningRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;

class ProjectHandlerTest {

    private static final String PATH = "/api/v1/projects/" + ProjectFixture.PROJECT;

    private final ProjectRepository repository = mock(ProjectRepository.class);
    private final WarningRepository warnings = mock(WarningRepository.class);
    private RouterFunction<ServerResponse> routes;

    @BeforeEach
    void setUp() {
        String p = ProjectFixture.PROJECT;
        when(repository.sections(p)).thenReturn(Flux.fromIterable(ProjectFixture.sections()));
        when(repository.versions("gcjs", p, false))
                .thenReturn(Flux.fromIterable(ProjectFixture.versions()).map(ProjectHandlerTest::withoutPayload));
        when(repository.versions("gcjs", p, true)).thenReturn(Flux.fromIterable(ProjectFixture.versions()));
        when(repository.expectations("gcjs", p)).thenReturn(Flux.fromIterable(ProjectFixture.expectations()));
        when(repository.receipts(anyList())).thenAnswer(call -> Flux.fromIterable(call.<List<String>>getArgument(0))
                .map(id -> new ReceiptBody(id, "{\"receiptId\":\"" + id + "\"}")));
        when(warnings.ofProject(p)).thenReturn(Flux.fromIterable(ProjectFixture.warnings()));
        when(repository.sections("UNKNOWN")).thenReturn(Flux.empty());
        ProjectService service = new ProjectService(
                repository, warnings, ProjectFixture.json(), Clock.fixed(ProjectFixture.NOW, ZoneOffset.UTC));
        QualityHandler quality = new QualityHandler(mock(QualityService.class), Clock.systemUTC());
        routes = new RegulatorConfig().regulatorRoutes(new ProjectHandler(service), quality);
    }

    private static ProjectData.VersionRow withoutPayload(ProjectData.VersionRow v) {
        return new ProjectData.VersionRow(
                v.sectionCode(),
                v.platformCode(),
                v.dataset(),
                v.dataKey(),
                v.currentId(),
                v.recordId(),
                v.receiptId(),
                v.version(),
                v.status(),
                v.dataTimestamp(),
                v.receivedAt(),
                v.digest(),
                null);
    }

    private WebTestClient cityRegulator() {
        return Callers.as(Callers.regulator(List.of("350100"), List.of("gcjs")), routes);
    }

    @Nested
    class View {

        @Test
        void shouldShowEverySectionToAProvincialRegulator() {
            Callers.as(Callers.province(), routes)
                    .get()
                    .uri(PATH)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.tenderProjectCode")
                    .isEqualTo(ProjectFixture.PROJECT)
                    .jsonPath("$.tradeType")
                    .isEqualTo("gcjs")
                    .jsonPath("$.regionCode")
                    .isEqualTo("350100")
                    .jsonPath("$.sections[*].bidSectionCode")
                    .isEqualTo(List.of(ProjectFixture.S1, ProjectFixture.S2))
                    .jsonPath("$.sections[1].expectations[0].status")
                    .isEqualTo("BREACHED")
                    .jsonPath("$.sections[1].expectations[0].overdue")
                    .isEqualTo(true)
                    .jsonPath("$.sections[1].warnings[0].id")
                    .isEqualTo("W2");
        }

        @Test
        void shouldShowARegulatorOnlyTheSectionsInTheirScope() {
            cityRegulator()
                    .get()
                    .uri(PATH)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.sections.length()")
                    .isEqualTo(1)
                    .jsonPath("$.sections[0].bidSectionCode")
                    .isEqualTo(ProjectFixture.S1)
                    .jsonPath("$.sections[0].regionCode")
                    .isEqualTo("350100")
                    .jsonPath("$.sections[0].warnings[*].id")
                    .isEqualTo(List.of("W1"))
                    .jsonPath("$.sections[0].warnings[0].events[0].type")
                    .isEqualTo("RAISED")
                    .jsonPath("$.projectRecords[0].dataset")
                    .isEqualTo("gcjs.tender-project")
                    .jsonPath("$.projectExpectations.length()")
                    .isEqualTo(0)
                    .jsonPath("$.projectWarnings.length()")
                    .isEqualTo(0);
        }

        @Test
        void shouldListEveryVersionNewestFirstWithTheCurrentOneOnTop() {
            cityRegulator()
                    .get()
                    .uri(PATH)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.sections[0].records.length()")
                    .isEqualTo(1)
                    .jsonPath("$.sections[0].records[0].dataKey")
                    .isEqualTo("N-1")
                    .jsonPath("$.sections[0].records[0].platformCode")
                    .isEqualTo(ProjectFixture.PLATFORM)
                    .jsonPath("$.sections[0].records[0].recordId")
                    .isEqualTo("R2")
                    .jsonPath("$.sections[0].records[0].version")
                    .isEqualTo(2)
                    .jsonPath("$.sections[0].records[0].receivedAt")
                    .isEqualTo("2026-11-03T08:00:00.000+08:00")
                    .jsonPath("$.sections[0].records[0].versions[*].recordId")
                    .isEqualTo(List.of("R3", "R2", "R1"))
                    .jsonPath("$.sections[0].records[0].versions[0].status")
                    .isEqualTo("STALE")
                    .jsonPath("$.sections[0].records[0].versions[0].version")
                    .isEmpty()
                    .jsonPath("$.sections[0].records[0].versions[2].digest")
                    .isEqualTo("sha256:R1")
                    .jsonPath("$.sections[0].records[0].versions[2].dataTimestamp")
                    .isEqualTo("2026-11-02T07:00:00.000+08:00");
        }

        @Test
        void shouldFlagWaitingExpectationsPastTheirDueTimeAsOverdue() {
            cityRegulator()
                    .get()
                    .uri(PATH)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.sections[0].expectations[*].id")
                    .isEqualTo(List.of("E1", "E2", "E3"))
                    .jsonPath("$.sections[0].expectations[*].overdue")
                    .isEqualTo(List.of(true, false, false))
                    .jsonPath("$.sections[0].expectations[1].metAt")
                    .isEqualTo("2026-11-19T08:00:00.000+08:00")
                    .jsonPath("$.sections[0].expectations[0].dueAt")
                    .isEqualTo("2026-11-20T08:00:00.000+08:00");
        }

        @Test
        void shouldAnswerNotFoundWhenNoSectionIsInTheCallersScope() {
            Callers.as(Callers.regulator(List.of("330000"), List.of()), routes)
                    .get()
                    .uri(PATH)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://ggzy.org/problems/not-found");
        }

        @Test
        void shouldAnswerNotFoundWhenTheRegulatorHasAnotherTradeType() {
            Callers.as(Callers.regulator(List.of("350000"), List.of("zfcg")), routes)
                    .get()
                    .uri(PATH)
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }

        @Test
        void shouldAnswerNotFoundWhenTheProjectIsUnknown() {
            Callers.as(Callers.province(), routes)
                    .get()
                    .uri("/api/v1/projects/UNKNOWN")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
    }

    @Nested
    class Archive {

        @Test
        void shouldSendAZipAttachmentNamedAfterTheProject() {
            cityRegulator()
                    .get()
                    .uri(PATH + "/archive")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentType("application/zip")
                    .expectHeader()
                    .valueEquals(
                            HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"" + ProjectFixture.PROJECT + ".zip\"");
        }

        @Test
        void shouldHoldOnlyWhatTheCallerMaySee() throws IOException {
            byte[] zip = cityRegulator()
                    .get()
                    .uri(PATH + "/archive")
                    .exchange()
                    .expectBody(byte[].class)
                    .returnResult()
                    .getResponseBody();

            Map<String, byte[]> files = ProjectArchiveTest.unzip(zip);
            assertThat(files.keySet())
                    .containsExactly(
                            "project.json",
                            "records/gcjs.tender-project/TP_1/v1-R5.json",
                            "records/gcjs.tender-notice/N-1/stale-R3.json",
                            "records/gcjs.tender-notice/N-1/v2-R2.json",
                            "records/gcjs.tender-notice/N-1/v1-R1.json",
                            "receipts/RC1.json",
                            "receipts/RC2.json",
                            "receipts/RC3.json",
                            "warnings/W1.json",
                            "manifest.json");
            assertThat(files.get("records/gcjs.tender-notice/N-1/v2-R2.json"))
                    .isEqualTo(ProjectFixture.NOTICE_V2.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Test
        void shouldAnswerNotFoundOutsideTheCallersScope() {
            Callers.as(Callers.regulator(List.of("330000"), List.of()), routes)
                    .get()
                    .uri(PATH + "/archive")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
    }
}
