package org.ggzy.sgw.schemas.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RegionCodesTest {

    static final RegionCodes REGIONS = RegionCodes.load();

    static List<String> codes() throws IOException {
        try (InputStream in = RegionCodesTest.class.getClassLoader().getResourceAsStream(RegionCodes.RESOURCE)) {
            assertThat(in).isNotNull();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.substring(0, line.indexOf('\t')))
                    .toList();
        }
    }

    @Nested
    class KnownCodes {

        @Test
        void shouldKnowProvincesCitiesAndCounties() {
            assertThat(REGIONS.name("350000")).contains("福建省");
            assertThat(REGIONS.name("350100")).contains("福州市");
            assertThat(REGIONS.name("350102")).contains("鼓楼区");
            assertThat(REGIONS.name("110101")).contains("东城区");
        }

        @Test
        void shouldKnowCodesOfRecentChanges() {
            assertThat(REGIONS.name("350405")).as("沙县区, 2021").contains("沙县区");
            assertThat(REGIONS.name("330114")).as("钱塘区, 2021").contains("钱塘区");
            assertThat(REGIONS.isKnown("330103")).as("下城区, merged in 2021").isFalse();
        }

        @Test
        void shouldKnowTheSpecialAdministrativeRegionsAndTaiwan() {
            assertThat(REGIONS.name("810000")).contains("香港特别行政区");
            assertThat(REGIONS.name("820000")).contains("澳门特别行政区");
            assertThat(REGIONS.name("710000")).contains("台湾省");
        }

        @Test
        void shouldHoldTheCompleteList() throws IOException {
            assertThat(REGIONS.size()).isGreaterThan(3000);
            assertThat(codes().stream().filter(c -> c.endsWith("0000"))).hasSize(34);
        }
    }

    @Nested
    class UnknownCodes {

        @Test
        void shouldNotKnowCodesOutsideTheList() {
            assertThat(REGIONS.isKnown("999999")).isFalse();
            assertThat(REGIONS.isKnown("350199")).isFalse();
            assertThat(REGIONS.name("350199")).isEmpty();
            assertThat(REGIONS.isKnown("")).isFalse();
        }

        @Test
        void shouldNotKnowStatisticsOnlyDevelopmentZoneCodes() {
            assertThat(REGIONS.isKnown("130171")).as("石家庄高新技术产业开发区").isFalse();
        }
    }

    @Nested
    class Parents {

        @Test
        void shouldGoFromCountyToCityToProvince() {
            assertThat(RegionCodes.parent("350102")).contains("350100");
            assertThat(RegionCodes.parent("350100")).contains("350000");
            assertThat(RegionCodes.parent("350000")).isEmpty();
            assertThat(RegionCodes.parent("110101")).contains("110100");
            assertThat(RegionCodes.province("350102")).isEqualTo("350000");
        }

        @Test
        void shouldListTheParentOfEveryListedCode() throws IOException {
            assertThat(codes())
                    .allSatisfy(code -> RegionCodes.parent(code).ifPresent(parent -> assertThat(REGIONS.isKnown(parent))
                            .as("parent %s of %s", parent, code)
                            .isTrue()));
        }

        @Test
        void shouldKeepTheFileSortedWithoutDuplicates() throws IOException {
            List<String> codes = codes();
            assertThat(codes).isSorted().doesNotHaveDuplicates();
        }
    }
}
