package org.ggzy.sgw.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The figures of one run (one mode against one endpoint), as text and as one line of JSON. */
record RunResult(
        String mode,
        String endpoint,
        String load,
        int recordsPerRequest,
        double warmupSeconds,
        double seconds,
        long warmupRequests,
        long answers,
        long requests,
        long records,
        long invalidSent,
        long bytesSent,
        long dropped,
        double requestsPerSecond,
        double recordsPerSecond,
        double p50Ms,
        double p90Ms,
        double p99Ms,
        double p999Ms,
        double maxMs,
        double meanMs,
        Map<String, Long> httpStatus,
        Map<String, Long> recordStatus,
        Map<String, Long> warnings,
        Map<String, Long> problems,
        Map<String, Long> errors,
        long unfinished,
        double heapBeforeMb,
        double heapAfterMb,
        double heapMaxMb,
        double serverCpuCores,
        double machineCpuCores,
        double clientCpuCores,
        double postgresCpuCores,
        double redisCpuCores,
        double otherCpuCores,
        double cpuCount,
        double gcPauseMs,
        double gcPauses,
        double dbConnectionsMax,
        double dbPendingMax) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static RunResult of(
            LoadOptions.Mode mode,
            LoadOptions.Endpoint endpoint,
            String load,
            double warmupSeconds,
            double seconds,
            Stats stats,
            long warmupRequests,
            long unfinished,
            List<ServerMetrics.Sample> samples,
            double clientCpuSeconds,
            double postgresCpuSeconds,
            double redisCpuSeconds) {
        Histogram h = stats.latency();
        long answers = stats.requests.sum();
        long requests = stats.handled.sum();
        long records = stats.records.sum();
        ServerMetrics.Sample first = samples.isEmpty() ? null : samples.get(0);
        ServerMetrics.Sample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        double cpuCount = last == null ? Double.NaN : last.cpuCount();
        double serverCpu = Double.NaN;
        double machineCpu = Double.NaN;
        double heapMax = Double.NaN;
        double gcMs = Double.NaN;
        double gcCount = Double.NaN;
        if (first != null && last != null && last != first) {
            double wall = (last.nanoTime() - first.nanoTime()) / 1e9;
            if (!Double.isNaN(first.processCpuSeconds()) && !Double.isNaN(last.processCpuSeconds())) {
                serverCpu = (last.processCpuSeconds() - first.processCpuSeconds()) / wall;
            } else {
                serverCpu = average(samples.subList(1, samples.size()), true) * cpuCount;
            }
            machineCpu = average(samples.subList(1, samples.size()), false) * cpuCount;
            gcMs = (last.gcPauseSeconds() - first.gcPauseSeconds()) * 1000;
            gcCount = last.gcPauses() - first.gcPauses();
        }
        double dbMax = Double.NaN;
        double pendingMax = Double.NaN;
        for (ServerMetrics.Sample s : samples) {
            heapMax = max(heapMax, s.heapUsedBytes());
            dbMax = max(dbMax, s.dbConnectionsAcquired());
            pendingMax = max(pendingMax, s.dbConnectionsPending());
        }
        double clientCpu = clientCpuSeconds / seconds;
        double postgresCpu = postgresCpuSeconds / seconds;
        double redisCpu = redisCpuSeconds / seconds;
        double other = machineCpu - serverCpu - clientCpu - zeroIfNaN(postgresCpu) - zeroIfNaN(redisCpu);
        return new RunResult(
                mode.label,
                endpoint.label,
                load,
                mode.records,
                warmupSeconds,
                seconds,
                warmupRequests,
                answers,
                requests,
                records,
                stats.invalidSent.sum(),
                stats.bytesSent.sum(),
                stats.dropped.sum(),
                requests / seconds,
                records / seconds,
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)),
                ms(h.getMaxValue()),
                h.getTotalCount() == 0 ? 0 : h.getMean() / 1000,
                stats.httpStatus(),
                stats.recordStatus(),
                stats.warnings(),
                stats.problems(),
                stats.errors(),
                unfinished,
                mb(first == null ? Double.NaN : first.heapUsedBytes()),
                mb(last == null ? Double.NaN : last.heapUsedBytes()),
                mb(heapMax),
                serverCpu,
                machineCpu,
                clientCpu,
                postgresCpu,
                redisCpu,
                other,
                cpuCount,
                gcMs,
                gcCount,
                dbMax,
                pendingMax);
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    private static double zeroIfNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double average(List<ServerMetrics.Sample> samples, boolean process) {
        double sum = 0;
        int n = 0;
        for (ServerMetrics.Sample s : samples) {
            double v = process ? s.processCpuUsage() : s.systemCpuUsage();
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static double mb(double bytes) {
        return bytes / (1024 * 1024);
    }

    /** Answers that were not {@code 2xx} (a push's {@code 422} included), and requests without an answer. */
    long failures() {
        long n = 0;
        for (Map.Entry<String, Long> e : httpStatus.entrySet()) {
            if (!e.getKey().startsWith("2")) {
                n += e.getValue();
            }
        }
        return n;
    }

    String title() {
        return endpoint + " " + mode;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "== %s %s: %s, %d record(s) a request, warm-up %.0f s, measured %.0f s ==%n",
                endpoint,
                mode,
                load,
                recordsPerRequest,
                warmupSeconds,
                seconds));
        out.append(String.format(
                Locale.ROOT,
                "throughput  %,.1f requests/s   %,.1f records/s   (%,d requests handled, %,d records; %,d answers in"
                        + " all, %,.1f MB sent; %,d answered during the warm-up)%n",
                requestsPerSecond,
                recordsPerSecond,
                requests,
                records,
                answers,
                bytesSent / (1024.0 * 1024),
                warmupRequests));
        out.append(String.format(
                Locale.ROOT,
                "latency ms  p50 %s   p90 %s   p99 %s   p99.9 %s   max %s   mean %s%n",
                num(p50Ms),
                num(p90Ms),
                num(p99Ms),
                num(p999Ms),
                num(maxMs),
                num(meanMs)));
        out.append("HTTP        ").append(counts(httpStatus)).append('\n');
        if (!recordStatus.isEmpty()) {
            out.append("records     ")
                    .append(counts(recordStatus))
                    .append(invalidSent > 0 ? String.format(Locale.ROOT, "   (%,d sent invalid)", invalidSent) : "")
                    .append('\n');
        }
        if (!warnings.isEmpty()) {
            out.append("warnings    ").append(counts(warnings)).append('\n');
        }
        if (!problems.isEmpty()) {
            out.append("problems    ").append(counts(problems)).append('\n');
        }
        if (!errors.isEmpty()) {
            out.append("no answer   ").append(counts(errors)).append('\n');
        }
        if (dropped > 0) {
            out.append(String.format(Locale.ROOT, "dropped     %,d (over --max-outstanding)%n", dropped));
        }
        if (unfinished > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "unfinished  %,d request(s) still open when the run ended (not counted)%n",
                    unfinished));
        }
        out.append(String.format(
                Locale.ROOT,
                "server      heap %s MB -> %s MB (max %s)   CPU %s cores   GC pauses %s ms (%s)   DB connections in"
                        + " use max %s, waiting max %s%n",
                num(heapBeforeMb),
                num(heapAfterMb),
                num(heapMaxMb),
                num(serverCpuCores),
                num(gcPauseMs),
                num(gcPauses),
                num(dbConnectionsMax),
                num(dbPendingMax)));
        out.append(String.format(
                Locale.ROOT,
                "machine     %s of %s cores busy: gateway %s, PostgreSQL %s, Redis %s, this generator %s, other"
                        + " processes %s%n",
                num(machineCpuCores),
                num(cpuCount),
                num(serverCpuCores),
                num(postgresCpuCores),
                num(redisCpuCores),
                num(clientCpuCores),
                num(otherCpuCores)));
        return out.toString();
    }

    String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "sgw-load-run");
        m.put("mode", mode);
        m.put("endpoint", endpoint);
        m.put("load", load);
        m.put("recordsPerRequest", recordsPerRequest);
        m.put("warmupSeconds", warmupSeconds);
        m.put("seconds", seconds);
        m.put("warmupRequests", warmupRequests);
        m.put("answers", answers);
        m.put("requests", requests);
        m.put("records", records);
        m.put("invalidSent", invalidSent);
        m.put("bytesSent", bytesSent);
        m.put("dropped", dropped);
        m.put("requestsPerSecond", round(requestsPerSecond));
        m.put("recordsPerSecond", round(recordsPerSecond));
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50", round(p50Ms));
        latency.put("p90", round(p90Ms));
        latency.put("p99", round(p99Ms));
        latency.put("p999", round(p999Ms));
        latency.put("max", round(maxMs));
        latency.put("mean", round(meanMs));
        m.put("latencyMs", latency);
        m.put("httpStatus", httpStatus);
        m.put("recordStatus", recordStatus);
        m.put("warnings", warnings);
        m.put("problems", problems);
        m.put("errors", errors);
        m.put("unfinished", unfinished);
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("heapBeforeMb", round(heapBeforeMb));
        server.put("heapAfterMb", round(heapAfterMb));
        server.put("heapMaxMb", round(heapMaxMb));
        server.put("cpuCores", round(serverCpuCores));
        server.put("gcPauseMs", round(gcPauseMs));
        server.put("gcPauses", round(gcPauses));
        server.put("dbConnectionsMax", round(dbConnectionsMax));
        server.put("dbPendingMax", round(dbPendingMax));
        m.put("server", server);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpuCount", round(cpuCount));
        machine.put("busyCores", round(machineCpuCores));
        machine.put("gatewayCores", round(serverCpuCores));
        machine.put("postgresCores", round(postgresCpuCores));
        machine.put("redisCores", round(redisCpuCores));
        machine.put("generatorCores", round(clientCpuCores));
        machine.put("otherCores", round(otherCpuCores));
        m.put("machine", machine);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        return Math.round(v * 1000) / 1000.0;
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String counts(Map<String, Long> map) {
        StringBuilder out = new StringBuilder();
        map.forEach((k, v) -> {
            if (out.length() > 0) {
                out.append("   ");
            }
            out.append(k).append(' ').append(String.format(Locale.ROOT, "%,d", v));
        });
        return out.toString();
    }
}
