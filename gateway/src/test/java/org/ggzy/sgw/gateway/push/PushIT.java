package org.ggzy.sgw.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.ggzy.sgw.gateway.edge.SignatureMethod;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.ggzy.sgw.gateway.support.Records;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

@PostgresAndRedis
class PushIT {

    static final String NOTICE = "gcjs.tender-notice";

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @LocalServerPort
    int port;

    TestPlatform platform;

    @BeforeEach
    void register() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        platform = TestPlatform.register(client, "it-admin-password", NOTICE, "gcjs.bid-section");
    }

    long count(String sql) {
        return db.sql(sql)
                .bind("p", platform.code())
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
    }

    JsonNode accepted(byte[] body) {
        return platform.push(NOTICE, body)
                .expectStatus()
                .isAccepted()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    @Nested
    class SingleRecords {

        @Test
        void shouldAcceptStoreAndSignTheReceipt() {
            ObjectNode record = Records.tenderNotice(platform.code());
            byte[] body = Records.bytes(record);
            JsonNode receipt = accepted(body);

            assertThat(receipt.get("accepted").asInt()).isEqualTo(1);
            assertThat(receipt.at("/records/0/status").asText()).isEqualTo("ACCEPTED");
            assertThat(receipt.at("/records/0/version").asInt()).isEqualTo(1);
            String digest = "sha256:" + SignatureMethod.HMAC_SHA256.digestHex(body);
            assertThat(receipt.get("digest").asText()).isEqualTo(digest);
            String signed = receipt.get("receiptId").asText() + "\n"
                    + receipt.get("receivedAt").asText() + "\n" + digest;
            assertThat(receipt.get("signature").asText())
                    .isEqualTo(Base64.getEncoder()
                            .encodeToString(SignatureMethod.HMAC_SHA256.hmac(platform.secret(), signed)));

            platform.get("/api/v1/push/receipts/" + receipt.get("receiptId").asText())
                    .expectStatus()
                    .isOk()
                    .expectBody(JsonNode.class)
                    .isEqualTo(receipt);
            platform.get("/api/v1/push/records?dataset=" + NOTICE + "&dataKey="
                            + record.get("DATA_KEY").asText())
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.currentVersion")
                    .isEqualTo(1)
                    .jsonPath("$.versions[0].status")
                    .isEqualTo("ACCEPTED");
            String payload = db.sql("SELECT payload FROM records WHERE platform_code = :p")
                    .bind("p", platform.code())
                    .map(r -> r.get(0, String.class))
                    .one()
                    .block();
            assertThat(payload).isEqualTo(new String(body, StandardCharsets.UTF_8));
        }

        @Test
        void shouldWorkWithHmacSm3LikeHmacSha256() {
            byte[] body = Records.bytes(Records.tenderNotice(platform.code()));
            JsonNode receipt = platform.signed(
                            "POST",
                            "/api/v1/push/" + NOTICE,
                            body,
                            MediaType.APPLICATION_JSON,
                            SignatureMethod.HMAC_SM3)
                    .exchange()
                    .expectStatus()
                    .isAccepted()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();
            String digest = "sm3:" + SignatureMethod.HMAC_SM3.digestHex(body);
            assertThat(receipt.get("digest").asText()).isEqualTo(digest);
            assertThat(receipt.get("signatureMethod").asText()).isEqualTo("HMAC-SM3");
            String signed = receipt.get("receiptId").asText() + "\n"
                    + receipt.get("receivedAt").asText() + "\n" + digest;
            assertThat(receipt.get("signature").asText())
                    .isEqualTo(Base64.getEncoder()
                            .encodeToString(SignatureMethod.HMAC_SM3.hmac(platform.secret(), signed)));
        }

        @Test
        void shouldAnswer422WithTheReceiptWhenEveryRecordIsRejected() {
            ObjectNode record = Records.tenderNotice(platform.code());
            record.remove("BID_OPEN_TIME");
            record.put("PLATFORM_CODE", TestPlatform.randomCode());
            platform.push(NOTICE, Records.bytes(record))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://ggzy.org/problems/all-records-rejected")
                    .jsonPath("$.receipt.rejected")
                    .isEqualTo(1)
                    .jsonPath("$.receipt.records[0].violations[?(@.code == 'PLATFORM_MISMATCH')]")
                    .exists()
                    .jsonPath("$.receipt.records[0].violations[?(@.pointer == '/BID_OPEN_TIME')].messageZh")
                    .isEqualTo("缺少必填字段 开标时间(BID_OPEN_TIME)");
            assertThat(count("SELECT count(*) FROM records WHERE platform_code = :p"))
                    .isZero();
        }

        @Test
        void shouldRejectDataTimestampInTheFuture() {
            ObjectNode record = Records.tenderNotice(platform.code());
            record.put("DATA_TIMESTAMP", "20991231235959");
            platform.push(NOTICE, Records.bytes(record))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.receipt.records[0].violations[0].code")
                    .isEqualTo("DATA_TIMESTAMP_IN_FUTURE");
        }

        @Test
        void shouldReportLinesOfNdjsonRecords() {
            ArrayNode records = Records.JSON.createArrayNode();
            records.add(Records.tenderNotice(platform.code()));
            ObjectNode bad = Records.tenderNotice(platform.code());
            bad.put("SYNDICATED_FLAG", "7");
            records.add(bad);
            platform.signed(
                            "POST",
                            "/api/v1/push/" + NOTICE,
                            Records.ndjson(records),
                            MediaType.parseMediaType("application/x-ndjson"),
                            SignatureMethod.HMAC_SHA256)
                    .exchange()
                    .expectStatus()
                    .isAccepted()
                    .expectBody()
                    .jsonPath("$.records[1].line")
                    .isEqualTo(2)
                    .jsonPath("$.records[1].violations[0].keyword")
                    .isEqualTo("enum");
        }

        @Test
        void shouldValidateWithoutStoringOnDryRun() {
            byte[] body = Records.bytes(Records.tenderNotice(platform.code()));
            platform.signed(
                            "POST",
                            "/api/v1/push/validate/" + NOTICE,
                            body,
                            MediaType.APPLICATION_JSON,
                            SignatureMethod.HMAC_SHA256)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.records[0].status")
                    .isEqualTo("ACCEPTED")
                    .jsonPath("$.receiptId")
                    .doesNotExist();
            assertThat(count("SELECT count(*) FROM receipts WHERE platform_code = :p"))
                    .isZero();
            assertThat(count("SELECT count(*) FROM record_heads WHERE platform_code = :p"))
                    .isZero();
        }
    }

    @Nested
    class Batches {

        @Test
        void shouldGiveEveryRecordOfAMixedBatchOfAThousandItsExactStatus() {
            List<ObjectNode> existing = IntStream.range(0, 400)
                    .mapToObj(i -> Records.tenderNotice(platform.code()))
                    .toList();
            ArrayNode first = Records.JSON.createArrayNode();
            existing.forEach(first::add);
            assertThat(accepted(Records.bytes(first)).get("accepted").asInt()).isEqualTo(400);

            ArrayNode batch = Records.JSON.createArrayNode();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                int kind = i % 10;
                ObjectNode record;
                String status;
                if (kind < 4) {
                    record = Records.tenderNotice(platform.code());
                    status = "ACCEPTED";
                } else if (kind == 4) {
                    record = Records.tenderNotice(platform.code());
                    record.remove("NOTICE_NAME");
                    status = "REJECTED";
                } else {
                    record = existing.get(i / 10 * 4 % 400 + (kind - 5) % 4).deepCopy();
                    status = switch (kind) {
                        case 5 -> "DUPLICATE";
                        case 6 -> {
                            record.put("DATA_TIMESTAMP", "20261101000000");
                            yield "STALE";
                        }
                        case 7 -> {
                            record.put("DATA_TIMESTAMP", "20261121000000");
                            record.put("NOTICE_NAME", "变更后的公告标题");
                            yield "ACCEPTED";
                        }
                        case 8 -> {
                            record.put("NOTICE_NAME", "同一时间戳的不同内容");
                            yield "REJECTED";
                        }
                        default -> {
                            record = Records.tenderNotice(platform.code());
                            yield "ACCEPTED";
                        }
                    };
                }
                batch.add(record);
                expected.add(status);
            }
            JsonNode receipt = accepted(Records.bytes(batch));

            List<String> statuses = new ArrayList<>();
            receipt.get("records").forEach(r -> statuses.add(r.get("status").asText()));
            assertThat(statuses).containsExactlyElementsOf(expected);
            assertThat(receipt.get("accepted").asInt()).isEqualTo(600);
            assertThat(receipt.get("duplicates").asInt()).isEqualTo(100);
            assertThat(receipt.get("stale").asInt()).isEqualTo(100);
            assertThat(receipt.get("rejected").asInt()).isEqualTo(200);
            assertThat(receipt.at("/records/8/violations/0/code").asText()).isEqualTo("VERSION_CONFLICT");
            assertThat(receipt.at("/records/7/version").asInt()).isEqualTo(2);
            String id = receipt.get("receiptId").asText();
            assertThat(db.sql("SELECT count(*) FROM records WHERE receipt_id = :r")
                            .bind("r", id)
                            .map(r -> r.get(0, Long.class))
                            .one()
                            .block())
                    .isEqualTo(700);
        }

        @Test
        void shouldJudgeVersionsOfOneDataKeyInOnePushEachAgainstTheOneBefore() {
            ObjectNode stored = Records.tenderNotice(platform.code());
            accepted(Records.bytes(stored));

            ObjectNode fresh = Records.tenderNotice(platform.code());
            ObjectNode freshNewer = fresh.deepCopy().put("DATA_TIMESTAMP", "20261120100000");
            freshNewer.put("NOTICE_NAME", "更正后的招标公告");
            ObjectNode storedNewer = stored.deepCopy().put("DATA_TIMESTAMP", "20261120110000");
            storedNewer.put("NOTICE_NAME", "第二次更正");
            ArrayNode batch = Records.JSON.createArrayNode();
            batch.add(freshNewer); // 0: a new key, its later version first
            batch.add(stored.deepCopy()); // 1: the stored record again
            batch.add(fresh); // 2: the new key's earlier version, after the later one
            batch.add(storedNewer); // 3: a newer version of the stored record
            batch.add(freshNewer.deepCopy()); // 4: the later version of the new key again

            JsonNode receipt = accepted(Records.bytes(batch));

            List<String> statuses = new ArrayList<>();
            receipt.get("records").forEach(r -> statuses.add(r.get("status").asText()));
            assertThat(statuses).containsExactly("ACCEPTED", "DUPLICATE", "STALE", "ACCEPTED", "DUPLICATE");
            assertThat(receipt.at("/records/0/version").asInt()).isEqualTo(1);
            assertThat(receipt.at("/records/3/version").asInt()).isEqualTo(2);
            // the head and the section point at the version each key ended with
            for (String[] expected : new String[][] {
                {fresh.get("DATA_KEY").asText(), "1", "更正后的招标公告"},
                {stored.get("DATA_KEY").asText(), "2", "第二次更正"}
            }) {
                String head = db.sql("SELECT h.version || ' ' || r.payload FROM record_heads h JOIN records r "
                                + "ON r.id = h.record_id WHERE h.platform_code = :p AND h.data_key = :k")
                        .bind("p", platform.code())
                        .bind("k", expected[0])
                        .map(r -> r.get(0, String.class))
                        .one()
                        .block();
                assertThat(head).startsWith(expected[1] + " ").contains(expected[2]);
                List<String> attached = db.sql("SELECT r.payload FROM section_records sr JOIN records r "
                                + "ON r.id = sr.record_id WHERE sr.platform_code = :p AND sr.data_key = :k")
                        .bind("p", platform.code())
                        .bind("k", expected[0])
                        .map(r -> r.get(0, String.class))
                        .all()
                        .collectList()
                        .block();
                assertThat(attached).isNotEmpty().allSatisfy(payload -> assertThat(payload)
                        .contains(expected[2]));
            }
        }

        @Test
        void shouldAcceptExactlyOneOfFiftyConcurrentPushesOfOneRecord() {
            ObjectNode record = Records.tenderNotice(platform.code());
            byte[] body = Records.bytes(record);
            WebClient web = WebClient.create("http://localhost:" + port);
            Map<String, Integer> statuses = new ConcurrentHashMap<>();
            Flux.range(0, 50)
                    .flatMap(i -> platform.pushWith(web, NOTICE, body), 50)
                    .doOnNext(r -> statuses.merge(r.at("/records/0/status").asText(), 1, Integer::sum))
                    .blockLast(Duration.ofMinutes(2));
            assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of("ACCEPTED", 1, "DUPLICATE", 49));
            assertThat(count("SELECT count(*) FROM record_heads WHERE platform_code = :p"))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM records WHERE platform_code = :p"))
                    .isEqualTo(1);
        }
    }
}
