package org.ggzy.sgw.gateway.warning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A warning as the regulator API shows it (API.md §2); {@code events} only in the detail view. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Warning(
        String id,
        String rule,
        String severity,
        String status,
        String platformCode,
        String regionCode,
        String tradeType,
        String tenderProjectCode,
        String bidSectionCode,
        String dataset,
        String fingerprint,
        String message,
        String messageZh,
        String legalBasis,
        JsonNode evidence,
        String raisedAt,
        String lastSeenAt,
        int occurrences,
        String dueAt,
        String acknowledgedAt,
        String resolvedAt,
        String resolution,
        String assignee,
        int escalationLevel,
        String escalatedTo,
        boolean overdue,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Event> events) {

    public Warning withEvents(List<Event> events) {
        return new Warning(
                id,
                rule,
                severity,
                status,
                platformCode,
                regionCode,
                tradeType,
                tenderProjectCode,
                bidSectionCode,
                dataset,
                fingerprint,
                message,
                messageZh,
                legalBasis,
                evidence,
                raisedAt,
                lastSeenAt,
                occurrences,
                dueAt,
                acknowledgedAt,
                resolvedAt,
                resolution,
                assignee,
                escalationLevel,
                escalatedTo,
                overdue,
                events);
    }

    /** One transition or change, with who did it and when. */
    public record Event(
            long seq, String type, String actor, String at, String fromStatus, String toStatus, String comment) {}
}
