package org.ggzy.sgw.gateway.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ggzy.sgw.gateway.edge.SignatureMethod;
import org.ggzy.sgw.gateway.security.Scope;
import org.ggzy.sgw.schemas.Dataset;
import org.ggzy.sgw.schemas.RecordValidator;
import org.ggzy.sgw.schemas.SpecTime;
import org.ggzy.sgw.schemas.Validation;
import org.ggzy.sgw.schemas.Violation;

/**
 * Validates each record of a push (CPU only): the specification, then what only the gateway knows: the record's
 * {@code PLATFORM_CODE} must be the authenticated platform's, its region must lie inside the platform's registered
 * region (GB/T 2260 prefix: a platform of {@code 350000} may push {@code 35xxxx}, one of {@code 350100} only {@code
 * 3501xx}), and its {@code DATA_TIMESTAMP} must not be in the future.
 */
final class RecordChecker {

    private final RecordValidator validator;
    private final Duration futureTolerance;

    RecordChecker(RecordValidator validator, Duration futureTolerance) {
        this.validator = validator;
        this.futureTolerance = futureTolerance;
    }

    Checked check(Dataset dataset, String platformCode, String platformRegion, Instant receivedAt, RawRecord raw) {
        JsonNode node = raw.node();
        Validation validation = validator.validate(dataset, node);
        List<Violation> violations = new ArrayList<>(validation.violations());
        regionScope(dataset, platformRegion, node, violations);
        String platform = text(node, "PLATFORM_CODE");
        if (platform != null && !platform.equals(platformCode)) {
            violations.add(new Violation(
                    "/PLATFORM_CODE",
                    Violation.PLATFORM_MISMATCH,
                    "platform",
                    "PLATFORM_CODE " + platform + " is not the pushing platform " + platformCode,
                    dataset.label("PLATFORM_CODE") + " " + platform + " 与推送平台 " + platformCode + " 不一致"));
        }
        Instant timestamp = SpecTime.parseInstant(text(node, "DATA_TIMESTAMP")).orElse(null);
        if (timestamp != null && timestamp.isAfter(receivedAt.plus(futureTolerance))) {
            violations.add(new Violation(
                    "/DATA_TIMESTAMP",
                    Violation.DATA_TIMESTAMP_IN_FUTURE,
                    "future",
                    "DATA_TIMESTAMP is more than " + futureTolerance.toMinutes()
                            + " minutes ahead of the gateway's receive time",
                    dataset.label("DATA_TIMESTAMP") + " 超前于网关接收时间 " + futureTolerance.toMinutes() + " 分钟以上"));
        }
        String payloadDigest =
                SignatureMethod.HMAC_SHA256.labelledDigest(raw.payload().getBytes(StandardCharsets.UTF_8));
        String contentDigest = violations.isEmpty()
                ? SignatureMethod.HMAC_SHA256.labelledDigest(
                        CanonicalJson.of(node).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Checked(
                raw,
                text(node, "DATA_KEY"),
                timestamp,
                violations,
                validation.unknownFields(),
                payloadDigest,
                contentDigest);
    }

    /** The record's region field, when the data set has one and it is filled, must lie in the platform's region. */
    private static void regionScope(Dataset dataset, String platformRegion, JsonNode node, List<Violation> violations) {
        String field = dataset.subject().region();
        String region = field == null ? null : text(node, field);
        if (region == null || region.isBlank() || platformRegion == null || covers(platformRegion, region.strip())) {
            return;
        }
        violations.add(new Violation(
                Violation.pointerOf(field),
                Violation.REGION_OUT_OF_SCOPE,
                "regionScope",
                field + " " + region + " is outside the region " + platformRegion
                        + " the pushing platform is registered for",
                dataset.label(field) + " " + region + " 不在推送平台登记的行政区划 " + platformRegion + " 范围内"));
    }

    /**
     * Whether a region code lies inside a registered region: a province ({@code xx0000}) covers its two digits, a city
     * ({@code xxxx00}) its four, a county only itself.
     */
    static boolean covers(String registered, String region) {
        return region.startsWith(Scope.prefix(registered));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** A record after validation. */
    record Checked(
            RawRecord raw,
            String dataKey,
            Instant dataTimestamp,
            List<Violation> violations,
            List<String> unknownFields,
            String digest,
            String contentDigest) {

        boolean valid() {
            return violations.isEmpty();
        }

        /** The same record refused for one more reason found in the transaction (e.g. ownership). */
        Checked refused(Violation violation) {
            List<Violation> all = new ArrayList<>(violations);
            all.add(violation);
            return new Checked(raw, dataKey, dataTimestamp, all, unknownFields, digest, null);
        }
    }
}
