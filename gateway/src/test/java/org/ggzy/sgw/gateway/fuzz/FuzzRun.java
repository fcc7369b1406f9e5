package org.ggzy.sgw.gateway.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Sends {@code count} hostile requests, request {@code i} drawn from {@code new Random(mix(seed, i))} so that a run is
 * the same for the same seed, and keeps what a user of the gateway would notice: answers of 500 and above, requests
 * without an answer within the limit, 4xx answers without a problem body, and what each push said it stored.
 */
final class FuzzRun {

    static final Duration LIMIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    final long seed;
    final List<String> failures = new ArrayList<>();
    final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
    final Map<String, long[]> claimed = new HashMap<>(); // platform: {receipts, records}
    int serverErrors;
    int hangs;
    int withoutProblem;
    long slowestNanos;

    private final FuzzTarget target;
    private final RawHttp http;
    private final HostileRequests requests;

    FuzzRun(FuzzTarget target, Seeds seeds, long seed) {
        this.target = target;
        this.seed = seed;
        this.http = new RawHttp(target.port(), LIMIT);
        this.requests = new HostileRequests(new HostileBodies(seeds), target.platforms(), target.regulatorToken());
        target.platforms().forEach(p -> claimed.put(p.code(), new long[2]));
    }

    static long mix(long seed, int index) {
        return seed * 0x9E3779B97F4A7C15L + index;
    }

    void run(int count) {
        for (int i = 0; i < count; i++) {
            HostileRequests.Hostile hostile = requests.next(new Random(mix(seed, i)));
            RawHttp.Answer answer;
            try {
                answer = http.send(hostile.request());
            } catch (IOException e) {
                statuses.computeIfAbsent(hostile.kind(), k -> new TreeMap<>()).merge(0, 1, Integer::sum);
                fail(i, hostile, null, "no HTTP answer: " + e);
                continue;
            }
            judge(i, hostile, answer);
        }
    }

    private void judge(int index, HostileRequests.Hostile hostile, RawHttp.Answer answer) {
        String kind = hostile.kind();
        statuses.computeIfAbsent(kind, k -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
        slowestNanos = Math.max(slowestNanos, answer.nanos());
        if (answer.status() == RawHttp.HUNG) {
            hangs++;
            fail(index, hostile, answer, "no answer within " + LIMIT.toSeconds() + " s");
        } else if (answer.status() >= 500) {
            serverErrors++;
            fail(index, hostile, answer, "server error");
        } else if (answer.status() >= 400 && !hostile.protocol() && !isProblem(answer)) {
            withoutProblem++;
            fail(index, hostile, answer, "4xx without an application/problem+json body");
        }
        if (hostile.pushAs() != null && (answer.status() == 202 || answer.status() == 422)) {
            claim(hostile.pushAs().code(), answer);
        }
    }

    private static boolean isProblem(RawHttp.Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            return body.path("status").asInt() == answer.status()
                    && body.path("type").isTextual();
        } catch (IOException e) {
            return false;
        }
    }

    /** What a 202 receipt, or the receipt inside a 422, says was stored: one receipt, the accepted and stale rows. */
    private void claim(String platform, RawHttp.Answer answer) {
        try {
            JsonNode body = JSON.readTree(answer.body());
            JsonNode receipt = answer.status() == 202 ? body : body.path("receipt");
            if (!receipt.path("receiptId").isTextual()) {
                return;
            }
            long[] counts = claimed.get(platform);
            counts[0]++;
            counts[1] +=
                    receipt.path("accepted").asLong() + receipt.path("stale").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares what the answers said was stored with the database; a refused push must have left nothing. */
    void checkStored() {
        claimed.forEach((platform, counts) -> {
            long receipts = target.stored("receipts", platform);
            long records = target.stored("records", platform);
            if (receipts != counts[0] || records != counts[1]) {
                failures.add("platform " + platform + ": the answers account for " + counts[0] + " receipts and "
                        + counts[1] + " records, the database holds " + receipts + " and " + records);
            }
        });
    }

    private void fail(int index, HostileRequests.Hostile hostile, RawHttp.Answer answer, String what) {
        RawHttp.Request r = hostile.request();
        String body = new String(r.body(), 0, Math.min(r.body().length, 300), java.nio.charset.StandardCharsets.UTF_8);
        failures.add("seed " + seed + " index " + index + " (" + hostile.kind() + "): " + what + "\n    request: "
                + r.method() + " " + abbreviate(r.target(), 200) + " headers " + headers(r) + " body[" + r.body().length
                + "] " + body + "\n    answer: "
                + (answer == null
                        ? "-"
                        : answer.status() + " " + answer.contentType() + " " + abbreviate(answer.text(), 400)));
    }

    private static String headers(RawHttp.Request r) {
        List<String> shown = new ArrayList<>();
        r.headers().forEach(h -> shown.add(h[0] + "=" + abbreviate(h[1], 60)));
        return shown.toString();
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }

    int requests() {
        return statuses.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToInt(Integer::intValue)
                .sum();
    }
}
