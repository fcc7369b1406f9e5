package org.ggzy.sgw.gateway.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ggzy.sgw.gateway.support.Lifecycles;
import org.ggzy.sgw.gateway.support.MutableClock;
import org.ggzy.sgw.gateway.support.MutableClockConfig;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.ggzy.sgw.gateway.support.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The lifecycle scenarios of {@code contracts/scenarios/} replayed through the push API on PostgreSQL and Redis, with
 * the gateway's clock set to each step's time: clean lifecycles raise nothing, whatever the order of arrival; each
 * injected fault raises exactly its warning; the warnings resolve themselves when the missing record arrives or a
 * tender exception ends the section.
 */
@PostgresAndRedis
@Import(MutableClockConfig.class)
@TestPropertySource(properties = "sgw.scanner.enabled=false")
class LifecycleScenarioIT {

    static final String TENDER = "gcjs-tender-to-contract";
    static final String FAILED = "gcjs-failed-tender";
    static final String PURCHASE = "zfcg-purchase-to-contract";

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
    class CleanLifecycles {

        @ParameterizedTest
        @ValueSource(strings = {TENDER, FAILED, PURCHASE})
        void shouldRaiseNoWarningWhenEveryStageArrivesInTime(String name) {
            Lifecycles.Replay replay = lifecycles.start(name);
            List<JsonNode> receipts = replay.push(replay.scenario().steps());
            replay.scan();

            assertThat(receipts)
                    .allSatisfy(r -> assertThat(r.get("accepted").asInt()).isEqualTo(1));
            assertThat(replay.warnings()).isEmpty();
        }

        @Test
        void shouldRaiseNothingNewWhenEveryStepIsPushedTwice() {
            Lifecycles.Replay replay = lifecycles.start(TENDER);
            List<Scenario.Step> twice = new ArrayList<>();
            replay.scenario().steps().forEach(s -> {
                twice.add(s);
                twice.add(s);
            });
            List<JsonNode> receipts = replay.push(twice);
            replay.scan();

            assertThat(receipts.stream().filter(r -> r.get("duplicates").asInt() == 1))
                    .hasSize(twice.size() / 2);
            assertThat(replay.warnings()).isEmpty();
        }
    }

    @Nested
    class ArrivalOrder {

        @ParameterizedTest
        @ValueSource(longs = {1L, 7L, 42L})
        void shouldEndWithTheSameOpenWarningsWhateverTheOrderOfArrival(long seed) {
            Lifecycles.Replay inOrder = lifecycles.start(TENDER);
            Scenario faulty = withTwoBidders(inOrder.scenario());
            inOrder.push(faulty.steps());
            inOrder.scan();
            List<String> expected = inOrder.open();

            Lifecycles.Replay shuffled = lifecycles.start(TENDER);
            List<Scenario.Step> steps =
                    new ArrayList<>(withTwoBidders(shuffled.scenario()).steps());
            Collections.shuffle(steps, new Random(seed));
            shuffled.push(steps);
            shuffled.scan();

            assertThat(expected)
                    .containsExactly("TOO_FEW_BIDDERS|" + faulty.sectionCode() + "|gcjs.evaluation-report|RED");
            assertThat(shuffled.open())
                    .isEqualTo(expected.stream()
                            .map(w -> w.replace(
                                    faulty.sectionCode(), shuffled.scenario().sectionCode()))
                            .toList());
        }

        /** The scenario with two of its four bidders left out (not the winner): a statutory breach. */
        private Scenario withTwoBidders(Scenario scenario) {
            String winner = scenario.step("gcjs.win-result")
                    .record()
                    .get("WIN_BIDDER_CODE")
                    .asText();
            List<Scenario.Step> losers = scenario.steps().stream()
                    .filter(s -> s.dataset().equals("gcjs.bidder"))
                    .filter(s -> !s.record().get("BIDDER_ORG_CODE").asText().equals(winner))
                    .toList();
            Scenario result = scenario;
            for (Scenario.Step drop : losers.subList(0, 2)) {
                result = result.withSteps(result.steps().stream()
                        .filter(s -> !s.dataKey().equals(drop.dataKey()))
                        .toList());
            }
            return result;
        }
    }

    @Nested
    class Faults {

        @Test
        void shouldRaiseStageMissingAndResolveItWhenTheRecordArrives() {
            Lifecycles.Replay replay = lifecycles.start(TENDER);
            Scenario.Step opening = replay.scenario().step("gcjs.bid-opening");
            replay.push(replay.scenario().without("gcjs.bid-opening").steps());
            JsonNode scan = replay.scan();

            String section = replay.scenario().sectionCode();
            assertThat(scan.get("raised").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(replay.open())
                    .containsExactly(
                            "SEQUENCE_GAP|" + section + "|gcjs.bid-opening|ORANGE",
                            "STAGE_MISSING|" + section + "|gcjs.bid-opening|RED");

            JsonNode receipt = replay.push(opening.at(replay.scenario().scanAt()));

            assertThat(replay.open()).containsExactly("PUSH_LATE|" + section + "|gcjs.bid-opening|RED");
            assertThat(receipt.at("/records/0/warnings/0/rule").asText()).isEqualTo("PUSH_LATE");
            assertThat(replay.warnings())
                    .filteredOn(w -> !w.get("rule").asText().equals("PUSH_LATE"))
                    .allSatisfy(w -> {
                        assertThat(w.get("status").asText()).isEqualTo("RESOLVED");
                        assertThat(w.get("resolution").asText()).isEqualTo("AUTO");
                    });
        }

        @Test
        void shouldRaiseAYellowPushLateInTheReceiptWhenAStageIsPushedTwoDaysLate() {
            Lifecycles.Replay replay = lifecycles.start(TENDER);
            Scenario.Step notice = replay.scenario().step("gcjs.tender-notice");
            Scenario late = replay.scenario().replacing(notice.dataKey(), s -> s.at(s.at().plus(Duration.ofHours(50))));
            List<JsonNode> receipts = replay.push(late.steps());
            replay.scan();

            String section = replay.scenario().sectionCode();
            assertThat(replay.open()).containsExactly("PUSH_LATE|" + section + "|gcjs.tender-notice|YELLOW");
            JsonNode receipt = receipts.get(late.steps().indexOf(late.step("gcjs.tender-notice")));
            assertThat(receipt.at("/records/0/warnings/0/rule").asText()).isEqualTo("PUSH_LATE");
            assertThat(receipt.at("/records/0/warnings/0/severity").asText()).isEqualTo("YELLOW");
        }

        @Test
        void shouldRaiseBidPeriodTooShortWhenTheNoticeAllowsFifteenDays() {
            Lifecycles.Replay replay = lifecycles.start(TENDER);
            Scenario.Step notice = replay.scenario().step("gcjs.tender-notice");
            String start = notice.record().get("DOC_GET_START_TIME").asText();
            String shortEnd =
                    java.time.LocalDate.parse(start.substring(0, 8), java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                                    .plusDays(15)
                                    .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                            + "090000";
            Scenario breach = replay.scenario()
                    .replacing(notice.dataKey(), s -> s.with(r -> r.put("BID_DOC_REFER_END_TIME", shortEnd)));
            replay.push(breach.steps());
            replay.scan();

            assertThat(replay.open())
                    .containsExactly(
                            "BID_PERIOD_TOO_SHORT|" + replay.scenario().sectionCode() + "|gcjs.tender-notice|RED");
        }

        @Test
        void shouldCancelOpenExpectationsWhenATenderExceptionArrives() {
            Lifecycles.Replay replay = lifecycles.start(FAILED);
            Scenario.Step exception = replay.scenario().step("gcjs.tender-exception");
            replay.push(replay.scenario().without("gcjs.tender-exception").steps());
            replay.scan();

            String section = replay.scenario().sectionCode();
            assertThat(replay.open()).containsExactly("STAGE_MISSING|" + section + "|gcjs.evaluation-report|ORANGE");

            replay.push(exception.at(replay.scenario().scanAt()));

            assertThat(replay.warnings())
                    .filteredOn(w -> w.get("rule").asText().equals("STAGE_MISSING"))
                    .singleElement()
                    .satisfies(w -> {
                        assertThat(w.get("status").asText()).isEqualTo("RESOLVED");
                        assertThat(w.get("resolution").asText()).isEqualTo("CANCELLED");
                    });
        }
    }
}
