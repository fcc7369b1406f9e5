package org.ggzy.sgw.gateway.regulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.ggzy.sgw.gateway.security.Scope;
import org.junit.jupiter.api.Test;

class WhereTest {

    @Test
    void shouldBindEveryValueAndNeverSpliceIt() {
        Where w = new Where().eq("platform_code", "P'1").in("trade_type", List.of("zfcg", "gcjs"));

        assertThat(w.sql()).isEqualTo(" WHERE platform_code = :w0 AND trade_type IN (:w1, :w2)");
        assertThat(w.binds())
                .containsExactly(
                        java.util.Map.entry("w0", "P'1"),
                        java.util.Map.entry("w1", "gcjs"),
                        java.util.Map.entry("w2", "zfcg"));
    }

    @Test
    void shouldLimitARegulatorToTheirRegionsAndTradeTypes() {
        Scope scope = new Scope("reg", false, List.of("3501", "3502"), Set.of("gcjs"));

        Where w = new Where().scope(scope, "region_code", "trade_type");

        assertThat(w.sql()).isEqualTo(" WHERE (region_code LIKE :w0 OR region_code LIKE :w1) AND trade_type IN (:w2)");
        assertThat(w.binds()).containsValues("3501%", "3502%", "gcjs");
    }

    @Test
    void shouldMatchNothingWhenARegulatorHasNoRegion() {
        assertThat(new Where()
                        .scope(new Scope("reg", false, List.of(), Set.of()), "region_code", "trade_type")
                        .sql())
                .isEqualTo(" WHERE 1 = 0");
    }

    @Test
    void shouldAddNothingForAGlobalScope() {
        assertThat(new Where()
                        .scope(Scope.system(), "region_code", "trade_type")
                        .sql())
                .isEmpty();
    }

    @Test
    void shouldSelectDataSetsByTradeTypePrefix() {
        Where w = new Where().datasetsOf("dataset", Set.of("zfcg"));

        assertThat(w.sql()).isEqualTo(" WHERE (dataset LIKE :w0)");
        assertThat(w.binds()).containsValue("zfcg.%");
    }

    @Test
    void shouldNarrowToTheRegionAndEverythingBelowIt() {
        assertThat(new Where().region("region_code", "350100").binds()).containsValue("3501%");
    }

    @Test
    void shouldBindTheWindowAsUtcTimes() {
        Window window = new Window(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"));

        Where w = new Where().within("received_at", window);

        assertThat(w.sql()).isEqualTo(" WHERE received_at >= :w0 AND received_at < :w1");
        assertThat(w.binds().get("w0")).isEqualTo(OffsetDateTime.parse("2026-11-01T00:00:00Z"));
    }
}
