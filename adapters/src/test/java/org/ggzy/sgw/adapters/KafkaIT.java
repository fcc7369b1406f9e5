package org.ggzy.sgw.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.groups.Tuple;
import org.ggzy.sgw.adapters.DeliveryResult.Status;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** Kafka against a real broker in this process (KRaft, no ZooKeeper): a topic per trade type, keyed records. */
@CamelSpringBootTest
@SpringBootTest(classes = TestApplication.class, properties = "sgw.adapters.kafka.enabled=true")
@EmbeddedKafka(
        kraft = true,
        partitions = 2,
        topics = {"sgw.records.gcjs", "sgw.records.zfcg"},
        bootstrapServersProperty = "sgw.adapters.kafka.bootstrap-servers")
class KafkaIT {

    @Autowired
    DeliveryPort port;

    @Autowired
    CamelContext camel;

    @Autowired
    Environment environment;

    @Test
    void shouldPublishEachRecordToTheTopicOfItsTradeTypeKeyedByItsTransaction() throws Exception {
        NotifyBuilder sent = new NotifyBuilder(camel)
                .fromRoute("adapter.kafka.send")
                .whenCompleted(3)
                .create();
        List<Delivery> deliveries = List.of(
                kafka("gcjs.win-result", "valid-award.json", "3501002026110100000000000000000000000001"),
                kafka("gcjs.bid-section", "valid-construction.json", "3501002026110100000000000000000000000002"),
                kafka("zfcg.purchase-result", "valid-award-announcement.json", "ZC-SECTION-1"));

        for (Delivery delivery : deliveries) {
            assertThat(port.send(delivery).get(30, TimeUnit.SECONDS).status()).isEqualTo(Status.DELIVERED);
        }

        assertThat(sent.matches(10, TimeUnit.SECONDS)).isTrue();
        List<ConsumerRecord<String, String>> records = consume(3);
        assertThat(records)
                .extracting(ConsumerRecord::topic, ConsumerRecord::key, r -> header(r, "Idempotency-Key"))
                .containsExactlyInAnyOrder(deliveries.stream()
                        .map(d -> tuple("sgw.records." + d.tradeType(), d.partitionKey(), d.id()))
                        .toArray(Tuple[]::new));
        assertThat(records).allSatisfy(r -> assertThat(header(r, "X-Sgw-Kind")).isEqualTo("RECORD"));
        assertThat(records).allSatisfy(r -> assertThat(r.value()).contains("\"DATA_KEY\""));
    }

    @Test
    void shouldRefuseARecordWithoutATradeType() throws Exception {
        Delivery delivery =
                new Delivery(Samples.id("k-"), "kafka", Delivery.RECORD, "gcjs.win-result", null, "K", "{}", Map.of());

        DeliveryResult result = port.send(delivery).get(10, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(Status.REFUSED);
    }

    private static Delivery kafka(String dataset, String file, String key) {
        Delivery record = Samples.record("kafka", Samples.id("k-"), dataset, file);
        return new Delivery(
                record.id(),
                "kafka",
                record.kind(),
                dataset,
                record.tradeType(),
                key,
                record.payload(),
                record.attributes());
    }

    private List<ConsumerRecord<String, String>> consume(int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        environment.getProperty("sgw.adapters.kafka.bootstrap-servers"),
                ConsumerConfig.GROUP_ID_CONFIG, "kafka-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("sgw.records.gcjs", "sgw.records.zfcg"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
