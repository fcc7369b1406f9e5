package org.ggzy.sgw.bench.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway's own figures from {@code /actuator/prometheus}: heap in use, the process's and the whole machine's
 * CPU, garbage collection pauses, and the R2DBC pool's connections in use and requests waiting for one.
 */
final class ServerMetrics {

    /** One scrape. {@code NaN} where the gateway did not expose the metric. */
    record Sample(
            long nanoTime,
            double heapUsedBytes,
            double processCpuUsage,
            double systemCpuUsage,
            double cpuCount,
            double processCpuSeconds,
            double gcPauseSeconds,
            double gcPauses,
            double dbConnectionsAcquired,
            double dbConnectionsPending) {}

    private final HttpClient client;
    private final Supplier<String> login;
    private volatile String token;

    /**
     * @param login a new bearer token for sysadmin: {@code /actuator/prometheus} is for SYSADMIN only
     */
    ServerMetrics(HttpClient client, Supplier<String> login) {
        this.client = client;
        this.login = login;
    }

    /** Scrapes once; {@code null} when the endpoint does not answer (a refused token is renewed for the next). */
    Sample sample() {
        try {
            if (token == null) {
                token = login.get();
            }
            String bearer = token;
            String text = client.headers(h -> h.set("Authorization", "Bearer " + bearer))
                    .get()
                    .uri("/actuator/prometheus")
                    .responseSingle((res, body) -> {
                        if (res.status().code() == 401) {
                            token = null;
                        }
                        return res.status().code() == 200
                                ? body.asString(StandardCharsets.UTF_8)
                                : body.asString(StandardCharsets.UTF_8).map(b -> "");
                    })
                    .block(Duration.ofSeconds(10));
            return text == null || text.isEmpty() ? null : parse(System.nanoTime(), text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Sample parse(long nanoTime, String text) {
        double heap = Double.NaN;
        double processCpu = Double.NaN;
        double systemCpu = Double.NaN;
        double cpuCount = Double.NaN;
        double cpuSeconds = Double.NaN;
        double gcSeconds = Double.NaN;
        double gcCount = Double.NaN;
        double acquired = Double.NaN;
        double pending = Double.NaN;
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            String name = name(line);
            switch (name) {
                case "jvm_memory_used_bytes" -> {
                    if (line.contains("area=\"heap\"")) {
                        heap = add(heap, value(line));
                    }
                }
                case "process_cpu_usage" -> processCpu = value(line);
                case "system_cpu_usage" -> systemCpu = value(line);
                case "system_cpu_count" -> cpuCount = value(line);
                case "process_cpu_time_seconds_total" -> cpuSeconds = value(line);
                case "process_cpu_time_ns_total" -> cpuSeconds = value(line) / 1e9;
                case "jvm_gc_pause_seconds_sum" -> gcSeconds = add(gcSeconds, value(line));
                case "jvm_gc_pause_seconds_count" -> gcCount = add(gcCount, value(line));
                case "r2dbc_pool_acquired_connections" -> acquired = add(acquired, value(line));
                case "r2dbc_pool_pending_connections" -> pending = add(pending, value(line));
                default -> {}
            }
        }
        return new Sample(
                nanoTime, heap, processCpu, systemCpu, cpuCount, cpuSeconds, gcSeconds, gcCount, acquired, pending);
    }

    private static String name(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
            end++;
        }
        return line.substring(0, end);
    }

    private static double value(String line) {
        int space = line.lastIndexOf(' ');
        try {
            return Double.parseDouble(line.substring(space + 1));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double add(double sum, double v) {
        return Double.isNaN(sum) ? v : sum + v;
    }

    /** Scrapes every second on its own thread from {@link #start()} until {@link #stop()}. */
    final class Sampler {
        private final List<Sample> samples = new ArrayList<>();
        private volatile boolean running = true;
        private final Thread thread;

        Sampler() {
            thread = new Thread(this::loop, "server-metrics");
            thread.setDaemon(true);
        }

        Sampler start() {
            thread.start();
            return this;
        }

        private void loop() {
            while (running) {
                Sample s = sample();
                if (s != null) {
                    synchronized (samples) {
                        samples.add(s);
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        /** Stops and returns every sample taken. */
        List<Sample> stop() {
            running = false;
            thread.interrupt();
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (samples) {
                return List.copyOf(samples);
            }
        }
    }

    Sampler sampler() {
        return new Sampler();
    }
}
