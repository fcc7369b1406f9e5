package org.ggzy.sgw.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ggzy.sgw.gateway.web.ProblemException;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecordParserTest {

    final RecordParser parser = new RecordParser(3, 32, 20);

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    ProblemType refusal(String body, boolean ndjson) {
        try {
            parser.parse(utf8(body), ndjson);
        } catch (ProblemException e) {
            return e.type();
        }
        throw new AssertionError("accepted: " + body);
    }

    @Nested
    class Accepted {

        @Test
        void shouldKeepTheExactBytesOfEachRecordOfAnArray() {
            List<RawRecord> records = parser.parse(utf8("[ {\"A\": \"招标\"} ,{\"B\":1.50}]"), false);
            assertThat(records).extracting(RawRecord::payload).containsExactly("{\"A\": \"招标\"}", "{\"B\":1.50}");
            assertThat(records.get(1).node().get("B").decimalValue()).isEqualByComparingTo("1.50");
        }

        @Test
        void shouldReadNdjsonLineByLineSkippingBlankLines() {
            List<RawRecord> records = parser.parse(utf8("{\"A\":1}\n\n{\"A\":2}\r\n"), true);
            assertThat(records).extracting(RawRecord::line).containsExactly(1, 3);
            assertThat(records).extracting(RawRecord::payload).containsExactly("{\"A\":1}", "{\"A\":2}");
        }

        @Test
        void shouldKeepANonObjectElementForValidationToReject() {
            assertThat(parser.parse(utf8("[1]"), false))
                    .extracting(RawRecord::payload)
                    .containsExactly("1");
        }
    }

    @Nested
    class Refused {

        @Test
        void shouldNameEachKindOfBadBody() {
            assertThat(refusal("{\"A\":1,\"A\":2}", false)).isEqualTo(ProblemType.DUPLICATE_KEY);
            assertThat(refusal("[" + "[".repeat(40) + "]".repeat(40) + "]", false))
                    .isEqualTo(ProblemType.NESTING_TOO_DEEP);
            assertThat(refusal("{\"A\":\"" + "x".repeat(21) + "\"}", false)).isEqualTo(ProblemType.STRING_TOO_LONG);
            assertThat(refusal("{\"A\":", false)).isEqualTo(ProblemType.MALFORMED_JSON);
            assertThat(refusal("\"text\"", false)).isEqualTo(ProblemType.MALFORMED_JSON);
            assertThat(refusal("{} {}", false)).isEqualTo(ProblemType.MALFORMED_JSON);
            assertThat(refusal("  ", false)).isEqualTo(ProblemType.EMPTY_BODY);
            assertThat(refusal("[]", false)).isEqualTo(ProblemType.EMPTY_BODY);
            assertThat(refusal("[{},{},{},{}]", false)).isEqualTo(ProblemType.TOO_MANY_RECORDS);
            assertThat(refusal("{}\n{}\n{}\n{}", true)).isEqualTo(ProblemType.TOO_MANY_RECORDS);
        }

        @Test
        void shouldTellTheLineOfABadNdjsonRecord() {
            assertThatThrownBy(() -> parser.parse(utf8("{\"A\":1}\n{\"A\":"), true))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_JSON);
                        assertThat(e.properties()).containsEntry("line", 2);
                    });
        }

        /**
         * Regression: a line of a byte order mark and white space (here the CR of CRLF) holds no value; it was kept as
         * a record without a tree (null), and the schema library's properties keyword threw NullPointerException.
         */
        @Test
        void shouldRefuseAnNdjsonLineHoldingOnlyAByteOrderMark() {
            assertThatThrownBy(() -> parser.parse(utf8("{\"A\":1}\r\n\ufeff\r\n"), true))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_JSON);
                        assertThat(e.properties()).containsEntry("line", 2);
                    });
        }

        /** Regression: a number whose exponent does not fit a BigDecimal escaped as a NumberFormatException. */
        @Test
        void shouldRefuseANumberWhoseExponentIsOutOfRange() {
            assertThat(refusal("{\"A\":1E+2147483648}", false)).isEqualTo(ProblemType.MALFORMED_JSON);
            assertThat(refusal("[{\"A\":-1e-2147483649}]", false)).isEqualTo(ProblemType.MALFORMED_JSON);
            assertThat(refusal("{\"A\":1}\n{\"A\":1E+2147483648}", true)).isEqualTo(ProblemType.MALFORMED_JSON);
        }

        /**
         * Regression: U+0000 or an unpaired surrogate in a value or key reached PostgreSQL in the receipt (e.g. in the
         * platform-mismatch message), which refused the bytes: a 500 for the whole push.
         */
        @Test
        void shouldRefuseNulAndUnpairedSurrogatesInKeysAndValues() {
            assertThat(refusal("{\"A\":\"a\\u0000b\"}", false)).isEqualTo(ProblemType.MALFORMED_JSON);
            assertThat(refusal("{\"\\ud800\":1}", false)).isEqualTo(ProblemType.MALFORMED_JSON);
            assertThat(refusal("[{\"A\":[\"x\\udc00\"]}]", false)).isEqualTo(ProblemType.MALFORMED_JSON);
            assertThat(refusal("{\"A\":\"\\ud83d\"}", false)).isEqualTo(ProblemType.MALFORMED_JSON);
            assertThatThrownBy(() -> parser.parse(utf8("{\"A\":1}\n{\"B\":{\"C\":\"\\u0000\"}}"), true))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.properties())
                            .containsEntry("line", 2));
            assertThat(parser.parse(utf8("{\"A\":\"\\ud83d\\ude00 😀 \\u0001\"}"), false))
                    .extracting(r -> r.node().get("A").textValue())
                    .containsExactly("😀 😀 \u0001");
        }

        /** Regression: a duplicate key holding a quote was named only up to the quote. */
        @Test
        void shouldNameADuplicateKeyHoldingAQuote() {
            assertThatThrownBy(() -> parser.parse(utf8("{\"it's\":1,\"it's\":2}"), false))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.properties())
                            .containsEntry("key", "it's"));
        }

        /**
         * Regression: {@code 1e999999999} was parsed, and the schema library's {@code enum} keyword wrote it out in
         * full (a billion characters) on the event loop: minutes of CPU, every connection of that loop hung.
         */
        @Test
        void shouldRefuseNumbersWhoseExponentIsBeyondAThousandPlaces() {
            assertThat(refusal("{\"A\":1e999999999}", false)).isEqualTo(ProblemType.MALFORMED_JSON);
            assertThat(refusal("[{\"A\":[-1e-1001]}]", false)).isEqualTo(ProblemType.MALFORMED_JSON);
            assertThat(refusal("{\"A\":1}\n{\"A\":0.5e1002}", true)).isEqualTo(ProblemType.MALFORMED_JSON);
            assertThat(parser.parse(utf8("{\"A\":1e1000,\"B\":-1e-1000,\"C\":1.50}"), false))
                    .hasSize(1);
        }
    }
}
