package org.ggzy.sgw.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OutboxRulesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Nested
    class Masks {

        @Test
        void shouldMaskIdentityNumbersAndNamesWhenTheDestinationIsNotEntitled() throws Exception {
            JsonNode expert = JSON.readTree(
                    "{\"EXPERT_NAME\":\"张三丰\",\"ID_CARD\":\"350102197806123510\",\"EXPERT_ORG\":\"福建省建筑设计院\"}");

            Masking.Masked masked = Masking.apply(expert, List.of("EXPERT_NAME", "ID_CARD", "MOBILE"), false);

            JsonNode out = JSON.readTree(masked.payload());
            assertThat(out.get("ID_CARD").asText()).isEqualTo("3501**********3510");
            assertThat(out.get("EXPERT_NAME").asText()).isEqualTo("张**");
            assertThat(out.get("EXPERT_ORG").asText()).isEqualTo("福建省建筑设计院");
            assertThat(masked.policy()).isEqualTo("masked:EXPERT_NAME,ID_CARD");
        }

        @Test
        void shouldSendEverythingWhenTheDestinationIsEntitled() throws Exception {
            JsonNode expert = JSON.readTree("{\"ID_CARD\":\"350102197806123510\"}");

            Masking.Masked masked = Masking.apply(expert, List.of("ID_CARD"), true);

            assertThat(JSON.readTree(masked.payload()).get("ID_CARD").asText()).isEqualTo("350102197806123510");
            assertThat(masked.policy()).isEqualTo("unmasked:entitled");
        }
    }

    @Nested
    class Routes {

        final OutboxRouter router = new OutboxRouter(List.of(
                new DeliveryProperties.Route("kafka", List.of("RECORD"), List.of(), List.of(), List.of(), List.of()),
                new DeliveryProperties.Route(
                        "provincial", List.of("RECORD"), List.of(), List.of(), List.of("350000"), List.of()),
                new DeliveryProperties.Route(
                        "sms", List.of("WARNING"), List.of(), List.of(), List.of("350100"), List.of("RED"))));

        @Test
        void shouldSendEveryRecordToKafkaAndFujianRecordsToTheProvince() {
            assertThat(router.destinations("RECORD", "gcjs.bidder", "gcjs", "350104", null))
                    .containsExactly("kafka", "provincial");
            assertThat(router.destinations("RECORD", "gcjs.bidder", "gcjs", "440100", null))
                    .containsExactly("kafka");
        }

        @Test
        void shouldTextOnlyRedWarningsOfItsCity() {
            assertThat(router.destinations("WARNING", null, "gcjs", "350104", "RED"))
                    .containsExactly("sms");
            assertThat(router.destinations("WARNING", null, "gcjs", "350104", "ORANGE"))
                    .isEmpty();
            assertThat(router.destinations("WARNING", null, "gcjs", "350203", "RED"))
                    .isEmpty();
        }
    }

    @Nested
    class Backoff {

        @Test
        void shouldDoubleTheWaitUpToTheMaximumWithinTheJitter() {
            DeliveryProperties properties = new DeliveryProperties(
                    List.of(),
                    Map.of(),
                    Duration.ofSeconds(1),
                    Duration.ofMillis(50),
                    100,
                    16,
                    Duration.ofSeconds(60),
                    8,
                    Duration.ofSeconds(2),
                    Duration.ofMinutes(10));
            OutboxRelay relay =
                    new OutboxRelay(null, null, null, null, new OutboxRelay.RelaySettings(properties, null));

            assertThat(relay.backoff(1)).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
            assertThat(relay.backoff(3)).isBetween(Duration.ofMillis(6400), Duration.ofMillis(9600));
            assertThat(relay.backoff(20))
                    .isLessThanOrEqualTo(Duration.ofMinutes(10))
                    .isGreaterThan(Duration.ofMinutes(7));
        }
    }
}
