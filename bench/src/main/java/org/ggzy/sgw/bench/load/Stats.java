package org.ggzy.sgw.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** What the answers of one phase (warm-up or measurement) of a run said. Thread-safe. */
final class Stats {

    static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Histogram latency = new ConcurrentHistogram(1, MAX_LATENCY_MICROS, 3);
    /** Every answer, and every request without one. */
    final LongAdder requests = new LongAdder();
    /** Answers that handled their records: {@code 2xx}, or a push's {@code 422} (every record rejected, a receipt). */
    final LongAdder handled = new LongAdder();
    /** Records of the handled answers. */
    final LongAdder records = new LongAdder();

    final LongAdder invalidSent = new LongAdder();
    final LongAdder bytesSent = new LongAdder();
    final LongAdder bytesReceived = new LongAdder();
    final LongAdder dropped = new LongAdder();
    private final Map<String, LongAdder> httpStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> recordStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> warnings = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> problems = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    /** An answer: its latency, its status, and for a push what its receipt says record by record. */
    void answered(Feed.Request request, int status, byte[] body, long latencyNanos, boolean push) {
        requests.increment();
        if (status / 100 == 2 || (push && status == 422)) {
            handled.increment();
            records.add(request.records());
        }
        invalidSent.add(request.invalid());
        bytesSent.add(request.body().length);
        bytesReceived.add(body.length);
        latency.recordValue(Math.max(1, Math.min(MAX_LATENCY_MICROS, latencyNanos / 1000)));
        count(httpStatus, Integer.toString(status));
        if (push) {
            receipt(status, body);
        } else if (status >= 300) {
            problem(body);
        }
    }

    /** A request that got no answer (timeout, connection refused or reset). */
    void failed(Feed.Request request, Throwable error, long latencyNanos) {
        requests.increment();
        invalidSent.add(request.invalid());
        bytesSent.add(request.body().length);
        latency.recordValue(Math.max(1, Math.min(MAX_LATENCY_MICROS, latencyNanos / 1000)));
        count(httpStatus, "none");
        count(errors, error.getClass().getSimpleName());
    }

    private void receipt(int status, byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            count(problems, "unreadable-answer");
            return;
        }
        JsonNode receipt = status == 202 ? json : json.path("receipt");
        if (!receipt.has("accepted")) {
            count(problems, problemName(json));
            return;
        }
        add(recordStatus, "ACCEPTED", receipt.path("accepted").asLong());
        add(recordStatus, "DUPLICATE", receipt.path("duplicates").asLong());
        add(recordStatus, "STALE", receipt.path("stale").asLong());
        add(recordStatus, "REJECTED", receipt.path("rejected").asLong());
        if (status != 202) {
            count(problems, problemName(json));
        }
        for (JsonNode record : receipt.path("records")) {
            for (JsonNode w : record.path("warnings")) {
                count(warnings, w.path("rule").asText("?"));
            }
        }
    }

    private void problem(byte[] body) {
        try {
            count(problems, problemName(JSON.readTree(body)));
        } catch (IOException e) {
            count(problems, "unreadable-answer");
        }
    }

    private static String problemName(JsonNode problem) {
        String type = problem.path("type").asText("");
        return type.isEmpty()
                ? "status-" + problem.path("status").asText("?")
                : type.substring(type.lastIndexOf('/') + 1);
    }

    private static void count(Map<String, LongAdder> map, String key) {
        map.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static void add(Map<String, LongAdder> map, String key, long n) {
        if (n > 0) {
            map.computeIfAbsent(key, k -> new LongAdder()).add(n);
        }
    }

    Histogram latency() {
        return latency;
    }

    Map<String, Long> httpStatus() {
        return snapshot(httpStatus);
    }

    Map<String, Long> recordStatus() {
        return snapshot(recordStatus);
    }

    Map<String, Long> warnings() {
        return snapshot(warnings);
    }

    Map<String, Long> problems() {
        return snapshot(problems);
    }

    Map<String, Long> errors() {
        return snapshot(errors);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> map) {
        Map<String, Long> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
