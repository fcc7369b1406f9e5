package org.ggzy.sgw.bench.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.ggzy.sgw.bench.validation.PushBodyReader.ParsedRecord;
import org.ggzy.sgw.schemas.Catalog;
import org.ggzy.sgw.schemas.Dataset;
import org.ggzy.sgw.schemas.RecordValidator;
import org.ggzy.sgw.schemas.Validation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark measures what it says: clean valid records of the sizes it claims. */
class ValidationFixturesTest {

    static RecordValidator validator;
    static Dataset bidder;
    static Dataset tenderNotice;

    @BeforeAll
    static void load() {
        Catalog catalog = Catalog.load();
        validator = RecordValidator.standard(catalog);
        bidder = catalog.find(ValidationFixtures.BIDDER).orElseThrow();
        tenderNotice = catalog.find(ValidationFixtures.TENDER_NOTICE).orElseThrow();
    }

    @Test
    void shouldValidateTheBidderRowCleanly() {
        Validation v = validator.validate(bidder, ValidationFixtures.bidder());
        assertThat(v.violations()).isEmpty();
        assertThat(v.unknownFields()).isEmpty();
    }

    @Test
    void shouldValidateTheLongNoticeCleanlyAndItIsLong() {
        ObjectNode notice = ValidationFixtures.longTenderNotice();
        String content = notice.get("NOTICE_CONTENT").asText();

        assertThat(content.getBytes(StandardCharsets.UTF_8).length)
                .isGreaterThanOrEqualTo(ValidationFixtures.LONG_NOTICE_MIN_BYTES);
        assertThat(content).startsWith("福州市鼓楼区某小学改扩建工程施工招标公告").contains("三、投标人资格要求");
        assertThat(ValidationFixtures.json(notice).length).isGreaterThan(ValidationFixtures.LONG_NOTICE_MIN_BYTES);
        Validation v = validator.validate(tenderNotice, notice);
        assertThat(v.violations()).isEmpty();
        assertThat(v.unknownFields()).isEmpty();
    }

    @Test
    void shouldMakeABatchOfDistinctValidBidderRowsOfMixedSizes() {
        List<ObjectNode> batch = ValidationFixtures.bidderBatch(ValidationFixtures.BATCH_SIZE);

        assertThat(batch).hasSize(1000);
        assertThat(batch.stream().map(r -> r.get("DATA_KEY").asText()).distinct())
                .hasSize(1000);
        assertThat(batch.stream().map(r -> ValidationFixtures.json(r).length).collect(Collectors.toSet()))
                .hasSizeGreaterThan(1);
        for (ObjectNode row : batch) {
            Validation v = validator.validate(bidder, row);
            assertThat(v.violations()).as(row.get("DATA_KEY").asText()).isEmpty();
            assertThat(v.unknownFields()).as(row.get("DATA_KEY").asText()).isEmpty();
        }
    }

    @Test
    void shouldReadThePushBodiesBackIntoTheSameRecords() {
        List<ObjectNode> batch = ValidationFixtures.bidderBatch(ValidationFixtures.BATCH_SIZE);
        PushBodyReader reader = new PushBodyReader();

        List<ParsedRecord> parsed = reader.read(ValidationFixtures.jsonArray(batch));
        assertThat(parsed).extracting(ParsedRecord::node).containsExactlyElementsOf(batch);
        assertThat(parsed.get(0).payload())
                .startsWith("{\"DATA_KEY\":\"BD-2026-000001\"")
                .endsWith("}");

        ObjectNode notice = ValidationFixtures.longTenderNotice();
        List<ParsedRecord> one = reader.read(ValidationFixtures.json(notice));
        assertThat(one).extracting(ParsedRecord::node).containsExactly((JsonNode) notice);
    }

    @Test
    void shouldSetUpTheBenchmarkOnValidFixtures() {
        ValidationBenchmark benchmark = new ValidationBenchmark();
        benchmark.setUp();
        assertThat(benchmark.validateBidder().valid()).isTrue();
        assertThat(benchmark.validateLongNotice().valid()).isTrue();
    }
}
