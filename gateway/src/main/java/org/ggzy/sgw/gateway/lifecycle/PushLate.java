package org.ggzy.sgw.gateway.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ggzy.sgw.gateway.rules.Finding;
import org.ggzy.sgw.gateway.rules.Severity;
import org.ggzy.sgw.schemas.Dataset;
import org.ggzy.sgw.schemas.SpecTime;

/**
 * T01 {@code PUSH_LATE}: the lag of every record against its data set's push SLA (kept for the statistics, late or
 * not), and a finding when it exceeds the SLA. YELLOW up to 72 hours of lag, ORANGE up to 7 days, RED beyond.
 */
public final class PushLate {

    public static final String RULE = "PUSH_LATE";
    static final String BASIS = "《公共资源交易平台管理暂行办法》第二十条、《辽宁省公共资源交易平台服务标准（试行）》4.2.7：交易信息应及时推送至行政监督部门";

    private final Deadlines deadlines;
    private final TimelinessProperties properties;

    public PushLate(Deadlines deadlines, TimelinessProperties properties) {
        this.deadlines = deadlines;
        this.properties = properties;
    }

    /** The record's lag, or empty when its event-time field is absent or not a time. */
    public Optional<Lag> lag(Dataset dataset, JsonNode record, Instant receivedAt) {
        JsonNode value = record.get(dataset.eventTime());
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        return SpecTime.parseInstant(value.asText()).map(eventAt -> {
            Instant deadline = deadlines.after(eventAt, dataset.sla());
            return new Lag(
                    eventAt,
                    Duration.between(eventAt, receivedAt).toSeconds(),
                    !receivedAt.isAfter(deadline),
                    deadline);
        });
    }

    /** The finding for a late record, or empty when it was in time. */
    public Optional<Finding> finding(Dataset dataset, JsonNode record, Lag lag, String recordId) {
        if (lag.withinSla()) {
            return Optional.empty();
        }
        Duration late = Duration.ofSeconds(lag.lagSeconds());
        Severity severity = late.compareTo(properties.lateYellowMax()) <= 0
                ? Severity.YELLOW
                : late.compareTo(properties.lateOrangeMax()) <= 0 ? Severity.ORANGE : Severity.RED;
        String field = dataset.eventTime();
        String eventText = record.get(field).asText();
        long hours = late.toHours();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("dataKey", record.path("DATA_KEY").asText());
        evidence.put(field, eventText);
        evidence.put("lagHours", hours);
        evidence.put("sla", dataset.sla().toString());
        evidence.put("slaDeadline", lag.slaDeadline().toString());
        return Optional.of(new Finding(
                RULE,
                severity,
                dataset.id().value(),
                dataset.id().value(),
                "Record " + record.path("DATA_KEY").asText() + " of "
                        + dataset.id().value() + " was pushed " + hours + " h after " + field + " " + eventText
                        + "; the push SLA is " + dataset.sla(),
                dataset.nameZh() + "(" + record.path("DATA_KEY").asText() + ")在" + dataset.label(field) + "("
                        + eventText + ")后 " + hours + " 小时才推送，超过推送时限 " + zh(dataset),
                BASIS,
                evidence,
                List.of(recordId),
                lag.slaDeadline()));
    }

    private static String zh(Dataset dataset) {
        var sla = dataset.sla();
        if (sla.hours() != null) {
            return sla.hours() + " 小时";
        }
        return sla.days() != null ? sla.days() + " 日" : sla.workingDays() + " 个工作日";
    }
}
