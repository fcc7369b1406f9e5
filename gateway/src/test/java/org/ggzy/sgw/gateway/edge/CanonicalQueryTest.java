package org.ggzy.sgw.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CanonicalQueryTest {

    @Nested
    class Of {

        @Test
        void shouldBeEmptyWhenThereIsNoQuery() {
            assertThat(CanonicalQuery.of(null)).isEmpty();
            assertThat(CanonicalQuery.of("")).isEmpty();
        }

        @Test
        void shouldSortByNameThenByValue() {
            assertThat(CanonicalQuery.of("dataset=gcjs.tender-notice&b=2&a=z&a=y"))
                    .isEqualTo("a=y&a=z&b=2&dataset=gcjs.tender-notice");
        }

        @Test
        void shouldEncodeEveryReservedCharacterTheSameWayWhateverTheClientSent() {
            assertThat(CanonicalQuery.of("k=%e6%b5%8b%E8%AF%95")).isEqualTo(CanonicalQuery.of("k=测试"));
            assertThat(CanonicalQuery.of("k=测试")).isEqualTo("k=%E6%B5%8B%E8%AF%95");
            assertThat(CanonicalQuery.of("k=a%7Eb%2Dc")).isEqualTo("k=a~b-c");
        }

        @Test
        void shouldTreatPlusAsAPlusSignNotASpace() {
            assertThat(CanonicalQuery.of("q=a+b&r=a%20b")).isEqualTo("q=a%2Bb&r=a%20b");
        }

        @Test
        void shouldGiveAnEmptyValueToANameWithoutEqualsAndDropEmptyPairs() {
            assertThat(CanonicalQuery.of("flag&&x=1&")).isEqualTo("flag=&x=1");
        }

        @Test
        void shouldKeepAPercentSignNotFollowedByTwoHexDigits() {
            assertThat(CanonicalQuery.of("p=100%&q=%zz")).isEqualTo("p=100%25&q=%25zz");
        }
    }

    @Test
    void shouldPutTheCanonicalQueryAfterThePathInVersion2Only() {
        assertThat(SignatureVersion.V2.canonical("GET", "/api/v1/push/records", "b=2&a=1", "1", "nonce", "ff"))
                .isEqualTo("GET\n/api/v1/push/records\na=1&b=2\n1\nnonce\nff");
        assertThat(SignatureVersion.V1.canonical("GET", "/api/v1/push/records", "b=2&a=1", "1", "nonce", "ff"))
                .isEqualTo("GET\n/api/v1/push/records\n1\nnonce\nff");
    }
}
