package org.ggzy.sgw.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ggzy.sgw.schemas.Catalog;
import org.ggzy.sgw.schemas.RecordValidator;
import org.ggzy.sgw.schemas.SpecTime;
import org.ggzy.sgw.schemas.Validation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator sends what it claims: valid, unique, realistic records, correctly signed. */
class FeedTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PLATFORM = "91350100MA2Y0000X1";
    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

    static Catalog catalog;
    static RecordValidator validator;
    static List<Lifecycles.Scenario> scenarios;

    @BeforeAll
    static void load() {
        catalog = Catalog.load();
        validator = RecordValidator.standard(catalog);
        scenarios = Lifecycles.load(catalog);
    }

    static Feed feed(int cohort, double invalidShare, double lateShare, AtomicLong ids) {
        return new Feed(
                scenarios,
                new AtomicInteger(),
                ids,
                "042",
                cohort,
                false,
                invalidShare,
                lateShare,
                PLATFORM,
                7,
                () -> NOW);
    }

    static List<JsonNode> records(Feed.Request request) throws IOException {
        JsonNode body = JSON.readTree(request.body());
        List<JsonNode> out = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(out::add);
        } else {
            out.add(body);
        }
        return out;
    }

    @Test
    void shouldPushEveryStepOfEveryScenarioAsAValidUniqueRecord() throws IOException {
        int steps = scenarios.stream().mapToInt(s -> s.steps().size()).sum();
        Feed feed = feed(3, 0, 0, new AtomicLong());
        Set<String> keys = new HashSet<>();
        List<String> datasets = new ArrayList<>();
        for (int i = 0; i < steps * 2; i++) {
            Feed.Request request = feed.next();
            datasets.add(request.dataset());
            assertThat(request.records()).isEqualTo(3);
            assertThat(request.invalid()).isZero();
            assertThat(request.bodySha256()).isEqualTo(Signer.sha256Hex(request.body()));
            List<JsonNode> records = records(request);
            assertThat(records).hasSize(3);
            for (JsonNode record : records) {
                Validation v =
                        validator.validate(catalog.find(request.dataset()).orElseThrow(), record);
                assertThat(v.violations())
                        .as("%s %s", request.dataset(), record)
                        .isEmpty();
                assertThat(v.unknownFields()).as("%s", request.dataset()).isEmpty();
                assertThat(record.get("PLATFORM_CODE").asText()).isEqualTo(PLATFORM);
                assertThat(record.toString()).doesNotContain("~~");
                assertThat(keys.add(
                                request.dataset() + "|" + record.get("DATA_KEY").asText()))
                        .as("unique DATA_KEY")
                        .isTrue();
                Instant timestamp = SpecTime.parseInstant(
                                record.get("DATA_TIMESTAMP").asText())
                        .orElseThrow();
                assertThat(timestamp).isBeforeOrEqualTo(NOW);
            }
        }
        assertThat(datasets).contains("gcjs.bidder", "gcjs.contract", "gcjs.tender-exception", "zfcg.purchase-result");
    }

    @Test
    void shouldGiveEachLifecycleItsOwnProjectAndSectionCodes() throws IOException {
        Feed feed = feed(1, 0, 0, new AtomicLong());
        Set<String> projects = new HashSet<>();
        Set<String> sections = new HashSet<>();
        String first = null;
        for (int i = 0; i < 26 * 3; i++) {
            JsonNode record = records(feed.next()).get(0);
            if (record.has("TENDER_PROJECT_CODE") && record.has("BID_SECTION_CODE")) {
                String project = record.get("TENDER_PROJECT_CODE").asText();
                String section = record.get("BID_SECTION_CODE").asText();
                assertThat(section).startsWith(project).hasSize(23);
                assertThat(project).hasSize(20);
                projects.add(project);
                sections.add(section);
                first = first == null ? project : first;
            }
        }
        assertThat(projects).hasSizeGreaterThanOrEqualTo(2);
        assertThat(sections).hasSameSizeAs(projects);
        assertThat(first).startsWith("E350104072042");
    }

    @Test
    void shouldMoveTheLifecycleToThePresentKeepingItsPeriods() throws IOException {
        Feed feed = feed(1, 0, 0, new AtomicLong());
        JsonNode project = records(feed.next()).get(0);
        Instant created =
                SpecTime.parseInstant(project.get("CREATE_TIME").asText()).orElseThrow();
        assertThat(Duration.between(created, NOW)).isBetween(Duration.ofMinutes(60), Duration.ofMinutes(95));
        JsonNode notice = null;
        for (int i = 0; i < 3 && notice == null; i++) {
            JsonNode r = records(feed.next()).get(0);
            notice = r.has("NOTICE_SEND_TIME") ? r : null;
        }
        assertThat(notice).isNotNull();
        Instant sent =
                SpecTime.parseInstant(notice.get("NOTICE_SEND_TIME").asText()).orElseThrow();
        Instant open =
                SpecTime.parseInstant(notice.get("BID_OPEN_TIME").asText()).orElseThrow();
        // as in the scenario: notice on 23 March 09:00, opening on 15 April 09:30
        assertThat(Duration.between(sent, open)).isEqualTo(Duration.ofDays(23).plusMinutes(30));
    }

    @Test
    void shouldMakeTheAskedShareOfRecordsInvalid() throws IOException {
        Feed feed = feed(100, 0.2, 0, new AtomicLong());
        for (int i = 0; i < 40; i++) {
            Feed.Request request = feed.next();
            assertThat(request.invalid()).isEqualTo(20);
            int rejected = 0;
            for (JsonNode record : records(request)) {
                Validation v =
                        validator.validate(catalog.find(request.dataset()).orElseThrow(), record);
                rejected += v.violations().isEmpty() ? 0 : 1;
            }
            assertThat(rejected).as(request.dataset()).isEqualTo(20);
        }
    }

    @Test
    void shouldMakeAboutTheAskedShareOfLifecyclesLate() {
        Feed feed = feed(1, 0, 0.05, new AtomicLong());
        long late = 0;
        for (long id = 0; id < 100_000; id++) {
            late += feed.isLate(id) ? 1 : 0;
        }
        assertThat(late).isBetween(4_500L, 5_500L);
        assertThat(feed.unique(1234)).isEqualTo("0420001234");
    }

    @Test
    void shouldSignAsDeployPushShDoes() {
        // signature version 2, no query string (an empty line):
        // printf 'POST\n/api/v1/push/gcjs.bidder\n\n1700000000000\nabcdefabcdefabcdef\n%s' "$(printf '{}' | sha256sum)"
        //   | openssl dgst -sha256 -hmac secret -binary | base64
        Signer signer = new Signer(PLATFORM, "secret");
        String body = Signer.sha256Hex("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(body).isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
        assertThat(signer.signature("POST", "/api/v1/push/gcjs.bidder", 1_700_000_000_000L, "abcdefabcdefabcdef", body))
                .isEqualTo(SIGNATURE);
    }

    static final String SIGNATURE = "LffLmgt8+l41Oqd4p02bZ+oXq4GbhSq9GB/VoSvPCSE=";
}
