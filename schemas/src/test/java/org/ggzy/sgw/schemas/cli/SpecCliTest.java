package org.ggzy.sgw.schemas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ggzy.sgw.schemas.Catalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecCliTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** A tender notice that passes every check of the specification. */
    static final String VALID_NOTICE =
            """
            {
              "DATA_KEY": "TN-2026-000123",
              "PLATFORM_CODE": "91350000MA347WHE48",
              "PUB_SERVICE_PLAT_CODE": "M35000007031234567",
              "DATA_TIMESTAMP": "20261120093000",
              "TRADE_PLAT": "35000000001",
              "PUB_SERVICE_PLAT": "35000000002",
              "TENDER_PROJECT_CODE": "E3501000717002688002",
              "BID_SECTION_CODES": "E3501000717002688002001",
              "UNIFIED_DEAL_CODES": "3501002026110100000000000000000000000001",
              "NOTICE_BID_NUM": 1,
              "TENDER_SELF_CODE": "FZJS-2026-0123",
              "NOTICE_NAME": "福州市鼓楼区某小学改扩建工程施工招标公告",
              "NOTICE_CONTENT": "福州市鼓楼区某小学改扩建工程施工已由福州市发展和改革委员会批准建设，现对该项目的施工进行公开招标。",
              "NOTICE_SEND_TIME": "20261120090000",
              "NOTICE_NATURE": "1",
              "BULLETIN_TYPE": "1",
              "DOC_GET_START_TIME": "20261120090000",
              "DOC_GET_END_TIME": "20261127170000",
              "TENDER_DOC_GET_METHOD": "在福建省公共资源交易电子公共服务平台免费下载",
              "BID_DOC_REFER_END_TIME": "20261211093000",
              "BID_OPEN_TIME": "20261211093000",
              "BID_DOC_REFER_METHOD": "通过电子交易系统在线递交加密投标文件",
              "SYNDICATED_FLAG": "0",
              "TENDERER_CODE": "11350102003612345K",
              "TENDERER_NAME": "福州市鼓楼区教育局",
              "TENDER_AGENCY_CODE": "91350000MA347WHE48",
              "TENDER_AGENCY_NAME": "福建某招标代理有限公司"
            }
            """;

    static Catalog catalog;

    @TempDir
    Path dir;

    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @BeforeAll
    static void loadCatalog() {
        catalog = Catalog.load();
    }

    int run(String... args) {
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        return new SpecCli(catalog).run(args, out, err);
    }

    String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    static ObjectNode notice() throws IOException {
        return (ObjectNode) MAPPER.readTree(VALID_NOTICE);
    }

    static String withoutBidOpenTime() throws IOException {
        ObjectNode record = notice();
        record.remove("BID_OPEN_TIME");
        return MAPPER.writeValueAsString(record);
    }

    int validate(Path file) {
        return run("validate", "--dataset", "gcjs.tender-notice", file.toString());
    }

    @Nested
    class Validate {

        @Test
        void shouldExitZeroWhenTheRecordIsValid() throws IOException {
            assertThat(validate(file("one.json", VALID_NOTICE))).isZero();
            assertThat(out()).contains("one JSON object").contains("1 valid, 0 invalid");
            assertThat(err()).isEmpty();
        }

        @Test
        void shouldPrintEveryViolationInChineseAndEnglishWhenInvalid() throws IOException {
            ObjectNode record = notice();
            record.remove("BID_OPEN_TIME");
            record.put("SYNDICATED_FLAG", "2");
            assertThat(validate(file("bad.json", record.toString()))).isEqualTo(1);
            assertThat(out())
                    .contains("index 0: /BID_OPEN_TIME SCHEMA (required): 缺少必填字段 开标时间(BID_OPEN_TIME)")
                    .contains("BID_OPEN_TIME is required")
                    .contains("/SYNDICATED_FLAG SCHEMA (enum)")
                    .contains("0 valid, 1 invalid, 2 violation(s)");
        }

        @Test
        void shouldReadNdjsonAndNameTheLineOfEachRecord() throws IOException {
            String ndjson = MAPPER.writeValueAsString(notice()) + "\n\n" + withoutBidOpenTime() + "\n";
            assertThat(validate(file("records.ndjson", ndjson))).isEqualTo(1);
            assertThat(out())
                    .contains("NDJSON, 2 record(s)")
                    .contains("index 1, line 3: /BID_OPEN_TIME SCHEMA (required)")
                    .doesNotContain("index 0")
                    .contains("1 valid, 1 invalid");
        }

        @Test
        void shouldReadAnArrayOfRecords() throws IOException {
            assertThat(validate(file("all.json", "[" + VALID_NOTICE + "," + VALID_NOTICE + "]")))
                    .isZero();
            assertThat(out()).contains("JSON array of 2 record(s)").contains("2 valid, 0 invalid");
        }

        @Test
        void shouldReportUnknownFieldsAsInformationOnly() throws IOException {
            ObjectNode record = notice();
            record.put("PROVINCE_EXTRA_FIELD", "x");
            assertThat(validate(file("extra.json", record.toString()))).isZero();
            assertThat(out()).contains("index 0: /PROVINCE_EXTRA_FIELD INFO").contains("1 unknown field(s)");
        }
    }

    @Nested
    class Errors {

        @Test
        void shouldExitTwoWhenTheDatasetIsUnknown() throws IOException {
            assertThat(run(
                            "validate",
                            "--dataset",
                            "gcjs.no-such-thing",
                            file("one.json", VALID_NOTICE).toString()))
                    .isEqualTo(2);
            assertThat(err()).contains("unknown data set \"gcjs.no-such-thing\"");
        }

        @Test
        void shouldExitTwoWithTheLineWhenJsonIsMalformed() throws IOException {
            assertThat(validate(file("broken.json", "{\n  \"DATA_KEY\": \"x\",\n  \"NOTICE_NAME\": \n}")))
                    .isEqualTo(2);
            assertThat(err()).contains("broken.json: line 4").contains("malformed JSON");
            assertThat(out()).isEmpty();
        }

        @Test
        void shouldExitTwoWhenAnNdjsonLineIsMalformed() throws IOException {
            String ndjson = MAPPER.writeValueAsString(notice()) + "\n{\"DATA_KEY\": \n";
            assertThat(validate(file("records.ndjson", ndjson))).isEqualTo(2);
            assertThat(err()).contains("line 2").contains("malformed JSON");
        }

        @Test
        void shouldRefuseDuplicateKeys() throws IOException {
            String duplicate = VALID_NOTICE.replace(
                    "\"NOTICE_NATURE\": \"1\",", "\"NOTICE_NATURE\": \"1\", \"NOTICE_NATURE\": \"2\",");
            assertThat(validate(file("dup.json", duplicate))).isEqualTo(2);
            assertThat(err()).contains("duplicate key \"NOTICE_NATURE\"");
        }

        @Test
        void shouldExitTwoWhenTheFileIsMissingOrEmpty() throws IOException {
            assertThat(validate(dir.resolve("absent.json"))).isEqualTo(2);
            assertThat(validate(file("empty.json", " \n"))).isEqualTo(2);
            assertThat(validate(file("scalar.json", "42"))).isEqualTo(2);
            assertThat(err())
                    .contains("no such file")
                    .contains("holds no record")
                    .contains("expected a JSON object");
        }

        @Test
        void shouldExitTwoWithUsageWhenArgumentsAreWrong() {
            assertThat(run()).isEqualTo(2);
            assertThat(run("frobnicate")).isEqualTo(2);
            assertThat(run("validate", "records.json")).isEqualTo(2);
            assertThat(err()).contains("unknown command \"frobnicate\"").contains("validate needs --dataset");
            assertThat(err()).contains("Usage:");
        }
    }

    @Nested
    class Catalogue {

        @Test
        void shouldListTheDatasetsWithChineseNames() {
            assertThat(run("list")).isZero();
            assertThat(out()).contains("gcjs.tender-notice").contains("招标公告/资格预审公告");
        }

        @Test
        void shouldPrintTheBundledSchema() throws IOException {
            assertThat(run("schema", "gcjs.tender-notice")).isZero();
            JsonNode schema = MAPPER.readTree(out());
            assertThat(schema.path("properties").has("BID_OPEN_TIME")).isTrue();
            assertThat(schema.toString()).doesNotContain("common.schema.json");
        }

        @Test
        void shouldExitTwoForTheSchemaOfAnUnknownDataset() {
            assertThat(run("schema", "gcjs.nothing")).isEqualTo(2);
            assertThat(err()).contains("unknown data set");
        }
    }
}
