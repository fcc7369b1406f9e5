package org.ggzy.sgw.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static Catalog catalog;
    static RecordValidator validator;
    static Dataset notice;

    @BeforeAll
    static void load() {
        catalog = Catalog.load();
        validator = RecordValidator.standard(catalog);
        notice = catalog.find("gcjs.tender-notice").orElseThrow();
    }

    static ObjectNode example(String path) throws IOException {
        try (InputStream in =
                RecordValidatorTest.class.getClassLoader().getResourceAsStream("sgw/contracts/examples/" + path)) {
            return (ObjectNode) MAPPER.readTree(in);
        }
    }

    @Nested
    class ValidRecords {

        @Test
        void shouldAcceptCompleteTenderNotice() throws IOException {
            Validation v = validator.validate(notice, example("gcjs.tender-notice/valid-original.json"));
            assertThat(v.violations()).isEmpty();
            assertThat(v.unknownFields()).isEmpty();
        }

        @Test
        void shouldReportUnknownFieldsWithoutRejecting() throws IOException {
            ObjectNode record = example("gcjs.tender-notice/valid-original.json");
            record.put("PROVINCE_EXTRA_FIELD", "x");
            Validation v = validator.validate(notice, record);
            assertThat(v.valid()).isTrue();
            assertThat(v.unknownFields()).containsExactly("PROVINCE_EXTRA_FIELD");
        }
    }

    @Nested
    class InvalidRecords {

        @Test
        void shouldReportEveryViolationWithChineseFieldNames() throws IOException {
            ObjectNode record = example("gcjs.tender-notice/valid-original.json");
            record.remove("BID_OPEN_TIME");
            record.put("NOTICE_NAME", "x".repeat(601));
            record.put("DOC_GET_START_TIME", "2026-11-20");
            record.put("SYNDICATED_FLAG", "2");
            Validation v = validator.validate(notice, record);
            v.violations().forEach(System.out::println);
            assertThat(v.violations())
                    .extracting(Violation::pointer, Violation::keyword)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple("/BID_OPEN_TIME", "required"),
                            org.assertj.core.groups.Tuple.tuple("/NOTICE_NAME", "maxLength"),
                            org.assertj.core.groups.Tuple.tuple("/DOC_GET_START_TIME", "pattern"),
                            org.assertj.core.groups.Tuple.tuple("/SYNDICATED_FLAG", "enum"));
            assertThat(v.violations())
                    .filteredOn(x -> x.pointer().equals("/BID_OPEN_TIME"))
                    .first()
                    .extracting(Violation::messageZh)
                    .isEqualTo("缺少必填字段 开标时间(BID_OPEN_TIME)");
        }

        /** Regression: a parser's "no value" (null) reached the schema library, whose properties keyword threw NPE. */
        @Test
        void shouldReportATypeViolationWhenTheRecordIsMissing() {
            for (JsonNode missing : new JsonNode[] {null, MissingNode.getInstance()}) {
                Validation v = validator.validate(notice, missing);
                assertThat(v.violations())
                        .extracting(Violation::pointer, Violation::keyword)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("", "type"));
                assertThat(v.unknownFields()).isEmpty();
            }
        }
    }
}
