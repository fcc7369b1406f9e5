package org.ggzy.sgw.gateway.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ggzy.sgw.gateway.support.Records;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What one platform can do to another platform's projects, tried as an attacker would: name them in its records
 * (cancelling their expectations), push their project first under its own region, push a region outside its own.
 * Run on PostgreSQL ({@link OwnershipIT}) and on the embedded default ({@link EmbeddedOwnershipIT}).
 */
abstract class OwnershipChecks {

    static final String NOTICE = "gcjs.tender-notice";
    static final String EXCEPTION = "gcjs.tender-exception";
    static final String PROJECT = "gcjs.tender-project";
    static final String REGULATOR_PASSWORD = "Regulator-Pass-2026!";

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    /** Fuzhou (350100), the owner of the projects under attack. */
    TestPlatform a;
    /** Guangzhou (440100), the attacker. */
    TestPlatform b;

    abstract String adminPassword();

    abstract String secadminPassword();

    abstract String auditorPassword();

    @BeforeEach
    void platforms() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        a = TestPlatform.registerIn(client, adminPassword(), "350100", NOTICE, EXCEPTION, PROJECT);
        b = TestPlatform.registerIn(client, adminPassword(), "440100", NOTICE, EXCEPTION, PROJECT);
    }

    @Test
    void shouldRefuseATenderExceptionNamingAnotherPlatformsSection() {
        ObjectNode notice = Records.tenderNotice(a.code());
        a.push(NOTICE, Records.bytes(notice)).expectStatus().isAccepted();
        String project = notice.get("TENDER_PROJECT_CODE").asText();
        String section = notice.get("BID_SECTION_CODES").asText();
        long open = expectations(project, "'OPEN', 'BREACHED'");
        assertThat(open).as("expectations of A's section").isPositive();

        ObjectNode exception = exception(b.code(), project, section);
        JsonNode receipt = refused(b, EXCEPTION, exception);

        assertThat(codes(receipt)).contains("NOT_OWNER");
        assertThat(receipt.at("/records/0/violations").toString()).contains("无权推送");
        assertThat(expectations(project, "'CANCELLED'")).isZero();
        assertThat(expectations(project, "'OPEN', 'BREACHED'")).isEqualTo(open);
        assertThat(count(
                        "SELECT COUNT(*) FROM section_records WHERE project_code = :p AND platform_code = :pl",
                        project,
                        b.code()))
                .isZero();
    }

    @Test
    void shouldKeepAProjectWithItsFirstPlatformAndHandItOverOnlyByTheAdministrator() {
        ObjectNode real = Records.valid(PROJECT, "valid-school-renovation.json", a.code());
        String project = real.get("TENDER_PROJECT_CODE").asText();
        ObjectNode squat = real.deepCopy();
        squat.put("PLATFORM_CODE", b.code());
        squat.put("REGION_CODE", "440106");
        b.push(PROJECT, Records.bytes(squat)).expectStatus().isAccepted();

        assertThat(codes(refused(a, PROJECT, real))).containsExactly("NOT_OWNER");
        String fuzhou = regulator("350100");
        String guangzhou = regulator("440100");
        client.get()
                .uri("/api/v1/projects/" + project)
                .headers(h -> h.setBearerAuth(fuzhou))
                .exchange()
                .expectStatus()
                .isNotFound();

        handOver(project, a.code(), true)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.owner")
                .isEqualTo(a.code());
        a.push(PROJECT, Records.bytes(real)).expectStatus().isAccepted();
        squat.put("DATA_TIMESTAMP", "20261106103000");
        assertThat(codes(refused(b, PROJECT, squat))).containsExactly("NOT_OWNER");

        client.get()
                .uri("/api/v1/projects/" + project)
                .headers(h -> h.setBearerAuth(fuzhou))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.regionCode")
                .isEqualTo("350102");
        client.get()
                .uri("/api/v1/projects/" + project)
                .headers(h -> h.setBearerAuth(guangzhou))
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(count(
                        "SELECT COUNT(*) FROM section_records WHERE project_code = :p AND platform_code = :pl",
                        project,
                        b.code()))
                .as("the squatter's records detached from the project")
                .isZero();
        JsonNode entries = client.get()
                .uri("/api/v1/audit?size=500&action=project.handover")
                .headers(h -> h.setBearerAuth(TestPlatform.token(client, "auditor", auditorPassword())))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("items");
        assertThat(entries.findValues("target").stream().map(JsonNode::asText))
                .as("the handover in the audit trail")
                .contains("project:gcjs/" + project);
    }

    @Test
    void shouldRefuseARegionOutsideThePlatformsOwn() {
        ObjectNode record = Records.valid(PROJECT, "valid-school-renovation.json", a.code());
        record.put("REGION_CODE", "440106");
        JsonNode receipt = refused(a, PROJECT, record);
        assertThat(codes(receipt)).containsExactly("REGION_OUT_OF_SCOPE");
        assertThat(receipt.at("/records/0/violations/0/pointer").asText()).isEqualTo("/REGION_CODE");
        assertThat(count(
                        "SELECT COUNT(*) FROM project_owners WHERE project_code = :p AND platform_code <> :pl",
                        record.get("TENDER_PROJECT_CODE").asText(),
                        ""))
                .as("a refused record claims nothing")
                .isZero();
    }

    @Test
    void shouldLetACoPlatformPushUntilTheGrantIsRevoked() {
        ObjectNode notice = Records.tenderNotice(a.code());
        a.push(NOTICE, Records.bytes(notice)).expectStatus().isAccepted();
        String project = notice.get("TENDER_PROJECT_CODE").asText();
        String section = notice.get("BID_SECTION_CODES").asText();
        String path = "/api/v1/admin/projects/gcjs/" + project + "/co-platforms/" + b.code();

        admin().put()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "远程异地评标副场平台"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.coPlatforms[0].platformCode")
                .isEqualTo(b.code());
        ObjectNode exception = exception(b.code(), project, section);
        b.push(EXCEPTION, Records.bytes(exception)).expectStatus().isAccepted();

        admin().delete().uri(path).exchange().expectStatus().isOk();
        exception.put("DATA_TIMESTAMP", "20261201110000");
        assertThat(codes(refused(b, EXCEPTION, exception))).containsExactly("NOT_OWNER");
    }

    @Test
    void shouldShowAPlatformOnlyItsOwnReceiptsAndRecords() {
        ObjectNode notice = Records.tenderNotice(a.code());
        JsonNode receipt = a.push(NOTICE, Records.bytes(notice))
                .expectStatus()
                .isAccepted()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        String receiptPath = "/api/v1/push/receipts/" + receipt.get("receiptId").asText();
        String recordPath = "/api/v1/push/records?dataset=" + NOTICE + "&dataKey="
                + notice.get("DATA_KEY").asText();

        a.get(receiptPath).expectStatus().isOk();
        a.get(recordPath).expectStatus().isOk();
        b.get(receiptPath).expectStatus().isNotFound();
        b.get(recordPath).expectStatus().isNotFound();
    }

    @Test
    void shouldAnswerProblemsForUnknownProjectsAndBadRequests() {
        admin().get()
                .uri("/api/v1/admin/projects/gcjs/E0000000000000000000/ownership")
                .exchange()
                .expectStatus()
                .isNotFound();
        admin().post()
                .uri("/api/v1/admin/projects/gcjs/E0000000000000000000/handover")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(2);
    }

    /** B's tender exception for a section of A's project (B's own code, a region inside B's). */
    static ObjectNode exception(String platform, String project, String section) {
        ObjectNode exception = Records.valid(EXCEPTION, "valid-failed-tender.json", platform);
        exception.put("TENDER_PROJECT_CODE", project);
        exception.put("BID_SECTION_CODE", section);
        exception.put("EXCEPTION_TIME", "20261130093000");
        exception.put("APPROVAL_TIME", "20261201090000");
        exception.put("DATA_TIMESTAMP", "20261201100000");
        return exception;
    }

    JsonNode refused(TestPlatform platform, String dataset, ObjectNode record) {
        return platform.push(dataset, Records.bytes(record))
                .expectStatus()
                .isEqualTo(422)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("receipt");
    }

    static List<String> codes(JsonNode receipt) {
        JsonNode violations = receipt.at("/records/0/violations");
        return java.util.stream.StreamSupport.stream(violations.spliterator(), false)
                .map(v -> v.get("code").asText())
                .toList();
    }

    WebTestClient.ResponseSpec handOver(String project, String to, boolean detach) {
        return admin().post()
                .uri("/api/v1/admin/projects/gcjs/" + project + "/handover")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("platformCode", to, "reason", "项目被他平台抢先登记，移交实际交易平台", "detachPrevious", detach))
                .exchange();
    }

    WebTestClient admin() {
        String token = TestPlatform.adminToken(client, adminPassword());
        return client.mutate().defaultHeaders(h -> h.setBearerAuth(token)).build();
    }

    /** A new regulator of the region (created by the security administrator); its bearer token. */
    String regulator(String region) {
        String username = "reg-" + region + "-" + TestPlatform.nonce().substring(0, 10);
        String secadmin = TestPlatform.token(client, "secadmin", secadminPassword());
        client.post()
                .uri("/api/v1/admin/users")
                .headers(h -> h.setBearerAuth(secadmin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "username",
                        username,
                        "password",
                        REGULATOR_PASSWORD,
                        "roles",
                        List.of("REGULATOR"),
                        "regionCodes",
                        List.of(region),
                        "tradeTypes",
                        List.of("gcjs")))
                .exchange()
                .expectStatus()
                .isCreated();
        return TestPlatform.token(client, username, REGULATOR_PASSWORD);
    }

    long expectations(String project, String statuses) {
        return db.sql("SELECT COUNT(*) FROM expectations WHERE project_code = :p AND status IN (" + statuses + ")")
                .bind("p", project)
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
    }

    long count(String sql, String project, String platform) {
        return db.sql(sql)
                .bind("p", project)
                .bind("pl", platform)
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
    }
}
