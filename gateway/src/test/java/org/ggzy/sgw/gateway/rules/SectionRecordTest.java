package org.ggzy.sgw.gateway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SectionRecordTest {

    static SectionRecord of(ObjectNode payload) {
        return new SectionRecord("gcjs.bidder", "P", "K", "gcjs.bidder/K", Instant.EPOCH, payload);
    }

    @Test
    void shouldReadDecimalsWrittenAsNumbersOrAsStrings() {
        ObjectNode payload = new ObjectMapper().createObjectNode();
        payload.put("NUMBER", 15000000.5);
        payload.put("TEXT", " 538.65 ");
        payload.put("WORD", "费率 1.85%");
        payload.putNull("NULL");
        SectionRecord record = of(payload);

        assertThat(record.decimal("NUMBER"))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("15000000.5"));
        assertThat(record.decimal("TEXT")).contains(new BigDecimal("538.65"));
        assertThat(record.decimal("WORD")).isEmpty();
        assertThat(record.decimal("NULL")).isEmpty();
        assertThat(record.decimal("ABSENT")).isEmpty();
    }

    @Test
    void shouldReadDatesOfTs14AndD8InChinaStandardTime() {
        ObjectNode payload = new ObjectMapper().createObjectNode();
        payload.put("TS14", "20261231235959");
        payload.put("D8", "20270101");
        payload.put("BAD", "20260230");
        SectionRecord record = of(payload);

        assertThat(record.date("TS14")).contains(LocalDate.of(2026, 12, 31));
        assertThat(record.date("D8")).contains(LocalDate.of(2027, 1, 1));
        assertThat(record.date("BAD")).isEmpty();
    }

    @Test
    void shouldSplitCodeListsOnSemicolonsAndCommas() {
        ObjectNode payload = new ObjectMapper().createObjectNode();
        payload.put("CODES", "91350100158143720r; 91350203MA2XQ7PL00,,");
        SectionRecord record = of(payload);

        assertThat(record.codes("CODES")).containsExactly("91350100158143720R", "91350203MA2XQ7PL00");
        assertThat(record.codes("ABSENT")).isEmpty();
    }
}
