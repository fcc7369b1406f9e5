package org.ggzy.sgw.gateway.regulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The bodies of the scorecard and the overview (rates are null when their denominator is 0). */
final class Scores {

    private Scores() {}

    /** {@code GET /api/v1/platforms/{platformCode}/scorecard} and {@code GET /api/v1/push/scorecard}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Scorecard(
            String platformCode,
            String name,
            String regionCode,
            String from,
            String to,
            long records,
            Double timelyRate,
            Double completenessRate,
            Double acceptanceRate,
            long accepted,
            long rejected,
            long expectationsDue,
            long expectationsMetOnTime,
            LagBuckets lagBuckets,
            List<DatasetScore> byDataset,
            List<RuleCount> openWarnings) {}

    /** Accepted records by lag: within the SLA, and the late ones by how long after their event they arrived. */
    record LagBuckets(long onTime, long sameDay, long oneToThreeDays, long fourToSevenDays, long overSevenDays) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DatasetScore(
            String dataset, long records, Double timelyRate, Double completenessRate, Double acceptanceRate) {}

    /** Unresolved (open or acknowledged) warnings of one rule and severity. */
    record RuleCount(String rule, String severity, long count) {}

    /** {@code GET /api/v1/stats/overview}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Overview(
            String from,
            String to,
            String region,
            long records,
            long accepted,
            long rejected,
            Double timelyRate,
            Double completenessRate,
            Double acceptanceRate,
            LagBuckets lagBuckets,
            long projects,
            long sections,
            List<RuleCount> openWarnings,
            Map<String, Long> warningsRaised,
            List<PlatformScore> platforms) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PlatformScore(
            String platformCode,
            String name,
            String regionCode,
            long records,
            Double timelyRate,
            Double completenessRate,
            Double acceptanceRate) {}
}
