package org.ggzy.sgw.gateway.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ggzy.sgw.gateway.rules.SectionRecord;
import org.ggzy.sgw.gateway.rules.SectionState;
import org.ggzy.sgw.schemas.Catalog;
import org.ggzy.sgw.schemas.Dataset;
import org.ggzy.sgw.schemas.Delay;
import org.ggzy.sgw.schemas.SpecTime;

/**
 * Which expectations a record creates (pure): the next stages of rules.md §2 T02 and A01 from the catalogue, due the
 * configured delay after the record's time field plus the expected data set's push SLA; and T03: every prerequisite
 * not yet known for the section, due an hour (configurable) after the record was received.
 */
public final class ExpectationPlanner {

    public static final String STAGE_MISSING = "STAGE_MISSING";
    public static final String SEQUENCE_GAP = "SEQUENCE_GAP";
    public static final String AV_ARCHIVE_MISSING = "AV_ARCHIVE_MISSING";
    static final String AV_ARCHIVE = "gcjs.av-archive";
    static final String TENDER_EXCEPTION = "gcjs.tender-exception";
    /** The archived activity an {@code AV_ARCHIVE_MISSING} expectation waits for, by the data set that creates it. */
    static final Map<String, String> ACTIVITY_TYPE = Map.of("gcjs.bid-opening", "1", "gcjs.evaluation-report", "2");

    private final Catalog catalog;
    private final Deadlines deadlines;
    private final TimelinessProperties properties;

    public ExpectationPlanner(Catalog catalog, Deadlines deadlines, TimelinessProperties properties) {
        this.catalog = catalog;
        this.deadlines = deadlines;
        this.properties = properties;
    }

    List<PlannedExpectation> plan(Arrival arrival, SectionState state, Instant receivedAt) {
        List<PlannedExpectation> planned = new ArrayList<>();
        Dataset dataset = arrival.dataset();
        for (Dataset.Expectation e : dataset.expectations()) {
            Optional<Instant> from = Optional.ofNullable(arrival.node().get(e.from()))
                    .filter(n -> n.isTextual())
                    .flatMap(n -> SpecTime.parseInstant(n.asText()));
            if (from.isEmpty()) {
                continue;
            }
            String expected = e.dataset().value();
            Delay after = properties.expectationDelays().getOrDefault(expected, e.after());
            Instant due = deadlines.after(deadlines.after(from.get(), after), sla(expected));
            String rule = e.rule() == null ? STAGE_MISSING : e.rule();
            String discriminator =
                    AV_ARCHIVE_MISSING.equals(rule) ? ACTIVITY_TYPE.getOrDefault(arrival.datasetId(), "") : "";
            planned.add(new PlannedExpectation(
                    rule, expected, discriminator, due, arrival.recordId(), arrival.datasetId(), e.basis()));
        }
        for (var prerequisite : dataset.prerequisites()) {
            String expected = prerequisite.value();
            if (!state.has(expected)) {
                planned.add(new PlannedExpectation(
                        SEQUENCE_GAP,
                        expected,
                        "",
                        receivedAt.plus(properties.sequenceGapDelay()),
                        arrival.recordId(),
                        arrival.datasetId(),
                        "数据规范：" + label(expected) + "是" + dataset.nameZh() + "的前置数据，应先于其推送"));
            }
        }
        return planned;
    }

    /** The record that satisfies an expectation, if the section has it. */
    static Optional<SectionRecord> satisfying(SectionState state, String dataset, String discriminator) {
        return state.all(dataset).stream()
                .filter(r -> discriminator.isEmpty() || discriminator.equals(r.text("ACTIVITY_TYPE")))
                .findFirst();
    }

    /** The tender exception (流标, 终止, 撤销) that ends the section, if any. */
    static Optional<SectionRecord> exception(SectionState state) {
        return state.latest(TENDER_EXCEPTION);
    }

    String label(String dataset) {
        return catalog.find(dataset).map(Dataset::nameZh).orElse(dataset);
    }

    private Delay sla(String dataset) {
        return catalog.find(dataset).map(Dataset::sla).orElse(Delay.ofHours(0));
    }
}
