package org.ggzy.sgw.gateway.regulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.ggzy.sgw.gateway.edge.SignatureMethod;
import org.ggzy.sgw.gateway.support.Lifecycles;
import org.ggzy.sgw.gateway.support.MutableClock;
import org.ggzy.sgw.gateway.support.MutableClockConfig;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.ggzy.sgw.gateway.support.Records;
import org.ggzy.sgw.gateway.support.Scenario;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a regulator reads about a replayed lifecycle on PostgreSQL and Redis: the 一项一档 view of the project (records
 * with versions and receipts, expectations, warnings with events), its ZIP archive (raw payloads, receipts and
 * warnings, every file in a manifest with its SHA-256), the platform's scorecard (the same for the regulator and the
 * platform itself) and the overview; all of them scoped to the regulator's region.
 */
@PostgresAndRedis
@Import(MutableClockConfig.class)
@TestPropertySource(properties = "sgw.scanner.enabled=false")
class RegulatorViewsIT {

    static final String TENDER = "gcjs-tender-to-contract";
    static final String OPENING = "gcjs.bid-opening";
    static final String DOCUMENT = "gcjs.tender-document";
    static final String NOTICE = "gcjs.tender-notice";
    static final String SECADMIN_PASSWORD = "it-secadmin-password";
    static final String REGULATOR_PASSWORD = "regulator-password-1";
    static final String NOT_FOUND = "https://ggzy.org/problems/not-found";
    /** The scenario's days, China time: the first push and the deadline scan. */
    static final String FROM = "2026-03-16";

    static final String TO = "2026-05-26";
    /**
     * Records filed outside the section: the investment project under its own code ({@code PROJECT_CODE}), the tender
     * project as the project itself (section code "").
     */
    static final String INVESTMENT_PROJECT = "gcjs.project";

    static final String TENDER_PROJECT = "gcjs.tender-project";

    @Autowired
    WebTestClient client;

    @Autowired
    MutableClock clock;

    Lifecycles lifecycles;

    @BeforeEach
    void setUp() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        lifecycles = new Lifecycles(client, clock);
    }

    @Nested
    class ProjectViews {

        @Test
        void shouldShowEveryRecordAndEveryMetExpectationWhenTheLifecycleIsComplete() {
            Lifecycles.Replay replay = lifecycles.start(TENDER);
            Scenario scenario = replay.scenario();
            Map<String, JsonNode> receipts = byDataKey(replay.push(scenario.steps()));
            replay.scan();

            JsonNode view = view(scenario.projectCode(), regulator("350100"));

            assertThat(view.get("tenderProjectCode").asText()).isEqualTo(scenario.projectCode());
            assertThat(view.get("tradeType").asText()).isEqualTo("gcjs");
            assertThat(view.get("regionCode").asText()).isEqualTo("350104");
            assertThat(view.get("sections")).hasSize(1);
            JsonNode section = view.get("sections").get(0);
            assertThat(section.get("bidSectionCode").asText()).isEqualTo(scenario.sectionCode());
            assertThat(section.get("regionCode").asText()).isEqualTo("350104");
            assertThat(datasets(section.get("records")))
                    .isEqualTo(scenario.steps().stream()
                            .map(Scenario.Step::dataset)
                            .filter(d -> !d.equals(INVESTMENT_PROJECT) && !d.equals(TENDER_PROJECT))
                            .collect(Collectors.toCollection(TreeSet::new)));
            assertThat(dataKeys(section.get("records")))
                    .isEqualTo(scenario.steps().stream()
                            .filter(s -> !s.dataset().equals(INVESTMENT_PROJECT)
                                    && !s.dataset().equals(TENDER_PROJECT))
                            .map(Scenario.Step::dataKey)
                            .collect(Collectors.toCollection(TreeSet::new)));
            assertThat(datasets(view.get("projectRecords"))).containsExactly(TENDER_PROJECT);
            assertThat(items(section.get("records"), view.get("projectRecords")))
                    .allSatisfy(r -> {
                        JsonNode receipt = receipts.get(r.get("dataKey").asText());
                        assertThat(r.get("platformCode").asText())
                                .isEqualTo(replay.platform().code());
                        assertThat(r.get("version").asInt()).isEqualTo(1);
                        assertThat(r.get("versions")).hasSize(1);
                        JsonNode only = r.get("versions").get(0);
                        assertThat(only.get("recordId").asText())
                                .isEqualTo(r.get("recordId").asText());
                        assertThat(only.get("status").asText()).isEqualTo("ACCEPTED");
                        assertThat(only.get("receiptId").asText())
                                .isEqualTo(receipt.get("receiptId").asText());
                        assertThat(only.get("receivedAt").asText())
                                .isEqualTo(receipt.get("receivedAt").asText());
                    });
            List<JsonNode> expectations = items(section.get("expectations"), view.get("projectExpectations"));
            assertThat(expectations).isNotEmpty().allSatisfy(e -> {
                assertThat(e.get("status").asText()).as("%s", e).isEqualTo("MET");
                assertThat(e.get("overdue").asBoolean()).isFalse();
                assertThat(e.get("metAt").isNull()).isFalse();
                assertThat(e.get("warningId").isNull()).isTrue();
            });
            assertThat(items(section.get("expectations")))
                    .extracting(e -> e.get("dataset").asText())
                    .contains(OPENING, "gcjs.bidder", "gcjs.evaluation-report", "gcjs.contract");
            assertThat(section.get("warnings")).isEmpty();
            assertThat(view.get("projectWarnings")).isEmpty();
        }

        @Test
        void shouldAnswerNotFoundWhenTheRegulatorIsOfAnotherCity() {
            Lifecycles.Replay replay = lifecycles.start(TENDER);
            replay.push(replay.scenario().steps());
            replay.scan();
            String project = replay.scenario().projectCode();

            String xiamen = regulator("350200");
            for (String path : List.of("/api/v1/projects/" + project, "/api/v1/projects/" + project + "/archive")) {
                client.get()
                        .uri(path)
                        .headers(h -> h.setBearerAuth(xiamen))
                        .exchange()
                        .expectStatus()
                        .isNotFound()
                        .expectBody()
                        .jsonPath("$.type")
                        .isEqualTo(NOT_FOUND);
            }
            String fuzhou = regulator("350100");
            client.get()
                    .uri("/api/v1/projects/" + project)
                    .headers(h -> h.setBearerAuth(fuzhou))
                    .exchange()
                    .expectStatus()
                    .isOk();
            String fujian = regulator("350000");
            client.get()
                    .uri("/api/v1/projects/" + project)
                    .headers(h -> h.setBearerAuth(fujian))
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        @Test
        void shouldShowTheOverdueExpectationAndItsWarningWhenTheBidOpeningIsMissing() {
            Lifecycles.Replay replay = lifecycles.start(TENDER);
            Scenario scenario = replay.scenario();
            replay.push(scenario.without(OPENING).steps());
            replay.scan();
            String fuzhou = regulator("350100");

            JsonNode view = view(scenario.projectCode(), fuzhou);

            JsonNode section = view.get("sections").get(0);
            assertThat(datasets(section.get("records"))).doesNotContain(OPENING);
            JsonNode expectation = items(section.get("expectations")).stream()
                    .filter(e -> e.get("dataset").asText().equals(OPENING)
                            && e.get("rule").asText().equals("STAGE_MISSING"))
                    .collect(single());
            assertThat(expectation.get("status").asText()).isEqualTo("BREACHED");
            assertThat(expectation.get("overdue").asBoolean()).isTrue();
            assertThat(expectation.get("createdByDataset").asText()).isEqualTo(NOTICE);
            assertThat(expectation.get("metAt").isNull()).isTrue();
            assertThat(expectation.get("legalBasis").asText()).isNotBlank();
            String warningId = expectation.get("warningId").asText();

            JsonNode warning = items(section.get("warnings")).stream()
                    .filter(w -> w.get("id").asText().equals(warningId))
                    .collect(single());
            assertThat(warning.get("rule").asText()).isEqualTo("STAGE_MISSING");
            assertThat(warning.get("dataset").asText()).isEqualTo(OPENING);
            assertThat(warning.get("status").asText()).isEqualTo("OPEN");
            assertThat(warning.get("bidSectionCode").asText()).isEqualTo(scenario.sectionCode());
            assertThat(warning.get("regionCode").asText()).isEqualTo("350104");
            assertThat(warning.get("events")).isNotEmpty();
            JsonNode raised = warning.get("events").get(0);
            assertThat(raised.get("type").asText()).isEqualTo("RAISED");
            assertThat(raised.get("toStatus").asText()).isEqualTo("OPEN");
            assertThat(raised.get("at").asText())
                    .isEqualTo(warning.get("raisedAt").asText());
            assertThat(warning).isEqualTo(warning(warningId, fuzhou));
            assertThat(items(section.get("warnings"), view.get("projectWarnings")))
                    .extracting(w -> w.get("id").asText())
                    .containsExactlyInAnyOrderElementsOf(replay.warnings().stream()
                            .map(w -> w.get("id").asText())
                            .toList());
        }
    }

    @Nested
    class Archives {

        @Test
        void shouldHoldEveryVersionReceiptAndWarningWithVerifiableDigestsWhenDownloaded() throws IOException {
            Lifecycles.Replay replay = lifecycles.start(TENDER);
            Scenario scenario = replay.scenario();
            Scenario.Step document = scenario.step(DOCUMENT);
            Scenario.Step amended = document.at(document.at().plus(Duration.ofMinutes(15)))
                    .with(r -> r.put("DATA_TIMESTAMP", "20260323095500").put("DOC_NAME", "招标文件(更正)"));
            List<Scenario.Step> steps =
                    new ArrayList<>(scenario.without(OPENING).steps());
            steps.add(steps.indexOf(document) + 1, amended);
            List<JsonNode> receipts = new ArrayList<>(replay.push(steps));
            ObjectNode stale = document.record().deepCopy();
            stale.put("DATA_TIMESTAMP", "20260323094500").put("DOC_NAME", "招标文件(旧稿)");
            JsonNode staleReceipt =
                    pushExpecting(replay.platform(), DOCUMENT, stale, 422).get("receipt");
            assertThat(staleReceipt.at("/records/0/status").asText()).isEqualTo("STALE");
            receipts.add(staleReceipt);
            replay.scan();
            String project = scenario.projectCode();
            String fuzhou = regulator("350100");

            WebTestClient.ResponseSpec response = client.get()
                    .uri("/api/v1/projects/" + project + "/archive")
                    .headers(h -> h.setBearerAuth(fuzhou))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentType("application/zip")
                    .expectHeader()
                    .value(
                            HttpHeaders.CONTENT_DISPOSITION,
                            v -> assertThat(v).contains("attachment").contains(project + ".zip"));
            Map<String, byte[]> files =
                    unzip(response.expectBody(byte[].class).returnResult().getResponseBody());
            JsonNode view = view(project, fuzhou);

            JsonNode manifest = Records.JSON.readTree(files.get("manifest.json"));
            assertThat(manifest.get("tenderProjectCode").asText()).isEqualTo(project);
            Map<String, JsonNode> listed = new TreeMap<>();
            manifest.get("files").forEach(f -> listed.put(f.get("path").asText(), f));
            assertThat(listed).hasSize(manifest.get("files").size());
            assertThat(listed.keySet())
                    .isEqualTo(files.keySet().stream()
                            .filter(p -> !p.equals("manifest.json"))
                            .collect(Collectors.toCollection(TreeSet::new)));
            listed.forEach((path, f) -> {
                assertThat(f.get("sha256").asText()).as(path).isEqualTo(sha256(files.get(path)));
                assertThat(f.get("size").asLong()).as(path).isEqualTo(files.get(path).length);
            });

            assertThat(Records.JSON.readTree(files.get("project.json"))).isEqualTo(view);

            List<JsonNode> records = items(view.get("sections").get(0).get("records"), view.get("projectRecords"));
            Set<String> versionFiles = new TreeSet<>();
            Set<String> receiptFiles = new TreeSet<>();
            for (JsonNode r : records) {
                for (JsonNode v : r.get("versions")) {
                    String name = v.get("version").isNull()
                            ? "stale-" + v.get("recordId").asText()
                            : "v" + v.get("version").asInt() + "-"
                                    + v.get("recordId").asText();
                    versionFiles.add("records/" + r.get("dataset").asText() + "/"
                            + r.get("dataKey").asText() + "/" + name + ".json");
                    receiptFiles.add("receipts/" + v.get("receiptId").asText() + ".json");
                }
            }
            assertThat(under(files, "records/")).isEqualTo(versionFiles);
            assertThat(under(files, "records/" + DOCUMENT + "/" + document.dataKey() + "/"))
                    .extracting(p -> p.substring(p.lastIndexOf('/') + 1, p.indexOf('-', p.lastIndexOf('/'))))
                    .containsExactlyInAnyOrder("v1", "v2", "stale");

            Map<String, List<JsonNode>> pushed = new TreeMap<>();
            steps.stream().filter(s -> !s.dataset().equals(INVESTMENT_PROJECT)).forEach(s -> pushed.computeIfAbsent(
                            s.dataKey(), k -> new ArrayList<>())
                    .add(s.record()));
            pushed.get(document.dataKey()).add(stale);
            Map<String, List<JsonNode>> archived = new TreeMap<>();
            for (String path : under(files, "records/")) {
                JsonNode payload = Records.JSON.readTree(files.get(path));
                archived.computeIfAbsent(payload.get("DATA_KEY").asText(), k -> new ArrayList<>())
                        .add(payload);
            }
            assertThat(archived.keySet()).isEqualTo(pushed.keySet());
            pushed.forEach((dataKey, payloads) ->
                    assertThat(archived.get(dataKey)).as(dataKey).containsExactlyInAnyOrderElementsOf(payloads));

            assertThat(under(files, "receipts/")).isEqualTo(receiptFiles);
            Map<String, JsonNode> issued = new HashMap<>();
            receipts.forEach(r -> issued.put(r.get("receiptId").asText(), r));
            for (String path : receiptFiles) {
                String id = path.substring("receipts/".length(), path.length() - ".json".length());
                assertThat(Records.JSON.readTree(files.get(path))).as(path).isEqualTo(issued.get(id));
            }

            List<JsonNode> warnings = items(view.get("sections").get(0).get("warnings"), view.get("projectWarnings"));
            assertThat(warnings).extracting(w -> w.get("rule").asText()).contains("STAGE_MISSING", "SEQUENCE_GAP");
            assertThat(under(files, "warnings/"))
                    .isEqualTo(warnings.stream()
                            .map(w -> "warnings/" + w.get("id").asText() + ".json")
                            .collect(Collectors.toCollection(TreeSet::new)));
            for (JsonNode w : warnings) {
                JsonNode file = Records.JSON.readTree(
                        files.get("warnings/" + w.get("id").asText() + ".json"));
                assertThat(file).isEqualTo(warning(w.get("id").asText(), fuzhou));
                assertThat(file.get("events")).isNotEmpty();
            }
        }
    }

    @Nested
    class Scorecards {

        @Test
        void shouldCountTheLatePushAndTheRejectedRecordWhenARegulatorReadsTheScorecard() {
            Quality q = lateAndRejected();
            int n = q.accepted();

            JsonNode card = scorecard(q.platform().code(), regulator("350100"));

            assertThat(card.get("platformCode").asText()).isEqualTo(q.platform().code());
            assertThat(card.get("regionCode").asText()).isEqualTo("350100");
            assertThat(card.get("from").asText()).isEqualTo("2026-03-16T00:00:00.000+08:00");
            assertThat(card.get("to").asText()).isEqualTo("2026-05-27T00:00:00.000+08:00");
            assertThat(card.get("records").asInt()).isEqualTo(n);
            assertThat(card.get("accepted").asInt()).isEqualTo(n);
            assertThat(card.get("rejected").asInt()).isEqualTo(1);
            assertThat(card.get("timelyRate").asDouble()).isEqualTo(rate(n - 1, n));
            assertThat(card.get("acceptanceRate").asDouble())
                    .isEqualTo(rate(n, n + 1))
                    .isLessThan(1.0);
            assertThat(card.get("completenessRate").asDouble()).isEqualTo(1.0);
            assertThat(card.get("expectationsDue").asInt())
                    .isPositive()
                    .isEqualTo(card.get("expectationsMetOnTime").asInt());
            JsonNode lag = card.get("lagBuckets");
            assertThat(lag.get("onTime").asInt()).isEqualTo(n - 1);
            assertThat(lag.get("sameDay").asInt()).isZero();
            assertThat(lag.get("oneToThreeDays").asInt()).isEqualTo(1);
            assertThat(lag.get("fourToSevenDays").asInt()).isZero();
            assertThat(lag.get("overSevenDays").asInt()).isZero();
            Map<String, JsonNode> byDataset = new LinkedHashMap<>();
            card.get("byDataset").forEach(d -> byDataset.put(d.get("dataset").asText(), d));
            assertThat(byDataset.get(NOTICE).get("records").asInt()).isEqualTo(1);
            assertThat(byDataset.get(NOTICE).get("timelyRate").asDouble()).isZero();
            assertThat(byDataset.get("gcjs.bidder").get("acceptanceRate").asDouble())
                    .isEqualTo(rate(4, 5));
            assertThat(byDataset.get(DOCUMENT).get("timelyRate").asDouble()).isEqualTo(1.0);
            assertThat(card.get("openWarnings")).singleElement().satisfies(w -> {
                assertThat(w.get("rule").asText()).isEqualTo("PUSH_LATE");
                assertThat(w.get("severity").asText()).isEqualTo("YELLOW");
                assertThat(w.get("count").asInt()).isEqualTo(1);
            });

            client.get()
                    .uri(scorecardUri(q.platform().code()))
                    .headers(h -> h.setBearerAuth(regulator("350200")))
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }

        @Test
        void shouldShowThePlatformTheSameScorecardWhenItAsksForItsOwn() {
            Quality q = lateAndRejected();
            JsonNode regulators = scorecard(q.platform().code(), regulator("350100"));

            JsonNode own = q.platform()
                    .signed(
                            "GET",
                            "/api/v1/push/scorecard?from=" + FROM + "&to=" + TO,
                            new byte[0],
                            MediaType.APPLICATION_JSON,
                            SignatureMethod.HMAC_SHA256,
                            clock.millis(),
                            TestPlatform.nonce(),
                            q.platform().secret())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();

            assertThat(own).isEqualTo(regulators);
            assertThat(own.get("records").asInt()).isEqualTo(q.accepted());
        }

        @Test
        void shouldListThePlatformInTheOverviewWhenTheProvinceAsks() {
            Quality q = lateAndRejected();
            int n = q.accepted();

            JsonNode overview = overview(lifecycles.provinceToken());

            JsonNode mine = StreamSupport.stream(overview.get("platforms").spliterator(), false)
                    .filter(p ->
                            p.get("platformCode").asText().equals(q.platform().code()))
                    .collect(single());
            assertThat(mine.get("regionCode").asText()).isEqualTo("350100");
            assertThat(mine.get("records").asInt()).isEqualTo(n);
            assertThat(mine.get("timelyRate").asDouble()).isEqualTo(rate(n - 1, n));
            assertThat(mine.get("acceptanceRate").asDouble()).isEqualTo(rate(n, n + 1));
            assertThat(mine.get("completenessRate").asDouble()).isEqualTo(1.0);
            assertThat(overview.get("records").asLong()).isGreaterThanOrEqualTo(n);
            assertThat(overview.get("rejected").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(overview.get("lagBuckets").get("oneToThreeDays").asLong())
                    .isGreaterThanOrEqualTo(1);
            assertThat(overview.get("warningsRaised").get("YELLOW").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(overview.get("sections").asLong()).isGreaterThanOrEqualTo(1);

            assertThat(overview(regulator("350200")).get("platforms"))
                    .noneMatch(p ->
                            p.get("platformCode").asText().equals(q.platform().code()));
        }

        /**
         * The scenario with its tender notice pushed 50 hours late (a YELLOW PUSH_LATE) and one bidder record without
         * its name rejected, then a scan.
         */
        private Quality lateAndRejected() {
            Lifecycles.Replay replay = lifecycles.start(TENDER);
            Scenario.Step notice = replay.scenario().step(NOTICE);
            Scenario late = replay.scenario().replacing(notice.dataKey(), s -> s.at(s.at().plus(Duration.ofHours(50))));
            List<JsonNode> receipts = replay.push(late.steps());
            ObjectNode invalid = replay.scenario().step("gcjs.bidder").record().deepCopy();
            invalid.put("DATA_KEY", "BD-INVALID-" + UUID.randomUUID().toString().substring(0, 8));
            invalid.remove("BIDDER_NAME");
            JsonNode rejected = pushExpecting(replay.platform(), "gcjs.bidder", invalid, 422)
                    .get("receipt");
            assertThat(rejected.get("rejected").asInt()).isEqualTo(1);
            assertThat(rejected.at("/records/0/violations/0/keyword").asText()).isEqualTo("required");
            replay.scan();
            int accepted =
                    receipts.stream().mapToInt(r -> r.get("accepted").asInt()).sum();
            assertThat(accepted).isEqualTo(late.steps().size());
            return new Quality(replay.platform(), accepted);
        }
    }

    /** A replay for the scores: its platform and how many records it had accepted. */
    record Quality(TestPlatform platform, int accepted) {}

    private JsonNode view(String project, String token) {
        return client.get()
                .uri("/api/v1/projects/" + project)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private JsonNode warning(String id, String token) {
        return client.get()
                .uri("/api/v1/warnings/" + id)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private static String scorecardUri(String platform) {
        return "/api/v1/platforms/" + platform + "/scorecard?from=" + FROM + "&to=" + TO;
    }

    private JsonNode scorecard(String platform, String token) {
        return client.get()
                .uri(scorecardUri(platform))
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private JsonNode overview(String token) {
        return client.get()
                .uri("/api/v1/stats/overview?from=" + FROM + "&to=" + TO)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** Pushes one record at the clock's time and expects the status; returns the body (receipt or problem). */
    private JsonNode pushExpecting(TestPlatform platform, String dataset, JsonNode record, int status) {
        return platform.signed(
                        "POST",
                        "/api/v1/push/" + dataset,
                        Records.bytes(record),
                        MediaType.APPLICATION_JSON,
                        SignatureMethod.HMAC_SHA256,
                        clock.millis(),
                        TestPlatform.nonce(),
                        platform.secret())
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** Creates a regulator of one region (as the security administrator) and returns a fresh token for them. */
    private String regulator(String region) {
        String username = "reg-" + region + "-" + UUID.randomUUID().toString().substring(0, 8);
        client.post()
                .uri("/api/v1/admin/users")
                .headers(h -> h.setBearerAuth(token("secadmin", SECADMIN_PASSWORD)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "username", username,
                        "password", REGULATOR_PASSWORD,
                        "roles", List.of("REGULATOR"),
                        "regionCodes", List.of(region),
                        "tradeTypes", List.of("gcjs", "zfcg")))
                .exchange()
                .expectStatus()
                .isCreated();
        return token(username, REGULATOR_PASSWORD);
    }

    private String token(String username, String password) {
        return TestPlatform.token(client, username, password);
    }

    private static Map<String, JsonNode> byDataKey(List<JsonNode> receipts) {
        Map<String, JsonNode> byKey = new HashMap<>();
        receipts.forEach(r -> byKey.put(r.at("/records/0/dataKey").asText(), r));
        return byKey;
    }

    private static List<JsonNode> items(JsonNode... arrays) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode array : arrays) {
            array.forEach(all::add);
        }
        return all;
    }

    private static TreeSet<String> datasets(JsonNode records) {
        return items(records).stream()
                .map(r -> r.get("dataset").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static TreeSet<String> dataKeys(JsonNode records) {
        return items(records).stream()
                .map(r -> r.get("dataKey").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> under(Map<String, byte[]> files, String prefix) {
        return files.keySet().stream().filter(p -> p.startsWith(prefix)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertThat(files.put(e.getName(), in.readAllBytes()))
                        .as("entry %s appears once", e.getName())
                        .isNull();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A share to four decimals, half up: how rules.md §5 states the rates. */
    private static double rate(long part, long whole) {
        return BigDecimal.valueOf(part)
                .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static <T> java.util.stream.Collector<T, ?, T> single() {
        return Collectors.collectingAndThen(Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }
}
