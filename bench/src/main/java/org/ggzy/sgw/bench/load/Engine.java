package org.ggzy.sgw.bench.load;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Runs one measurement: a mode against an endpoint, at a fixed concurrency (closed model: each client sends its
 * next request when the last one is answered) or at a fixed arrival rate (open model: requests leave on schedule
 * whatever the answers; latency counts from the scheduled time, so a stalled server is not hidden). Answers that
 * arrive during the warm-up are counted apart; the measurement counts the answers that arrive within its window.
 */
final class Engine {

    private static final byte[] EMPTY = new byte[0];

    /** Signs as a platform; {@link Feed}s are made per platform. */
    record Platform(Signer signer) {}

    private final HttpClient http;
    private final ServerMetrics metrics;
    private final LoadOptions options;
    private final List<Lifecycles.Scenario> scenarios;
    private final List<Platform> platforms;
    private final AtomicLong lifecycleIds = new AtomicLong();
    private final String runPrefix;
    private long seeds;

    Engine(
            HttpClient http,
            ServerMetrics metrics,
            LoadOptions options,
            List<Lifecycles.Scenario> scenarios,
            List<Platform> platforms) {
        this.http = http;
        this.metrics = metrics;
        this.options = options;
        this.scenarios = scenarios;
        this.platforms = platforms;
        this.runPrefix = String.format(Locale.ROOT, "%03d", Math.floorMod(options.seed(), 1000));
        this.seeds = options.seed();
    }

    /** Phases of a run, as {@link System#nanoTime()} instants. */
    private record Window(long start, long measureFrom, long measureTo) {

        Window(Duration warmup, Duration duration) {
            this(System.nanoTime(), warmup, duration);
        }

        private Window(long start, Duration warmup, Duration duration) {
            this(start, start + warmup.toNanos(), start + warmup.toNanos() + duration.toNanos());
        }

        boolean measured(long at) {
            return at >= measureFrom && at < measureTo;
        }

        boolean warmingUp(long at) {
            return at < measureFrom;
        }
    }

    RunResult run(LoadOptions.Mode mode, LoadOptions.Endpoint endpoint) {
        return run(mode, endpoint, options.warmupOf(endpoint), options.durationOf(endpoint));
    }

    RunResult run(LoadOptions.Mode mode, LoadOptions.Endpoint endpoint, Duration warmup, Duration duration) {
        int clients = options.feeds();
        Platform[] owners = new Platform[clients];
        List<Supplier<Feed.Request>> sources = new ArrayList<>(clients);
        List<Feed.Request> replay = endpoint.noop() ? replay(mode) : null;
        for (int i = 0; i < clients; i++) {
            owners[i] = platforms.get(i % platforms.size());
            if (replay != null) {
                // nothing is stored behind a no-op: the clients cycle through one set of bodies, each from another
                // point, so that the generator spends its share of the cores on sending, not on making records
                int[] at = {i * 7};
                sources.add(() -> replay.get(Math.floorMod(at[0]++, replay.size())));
            } else {
                sources.add(feed(mode, owners[i].signer().platformCode(), new AtomicInteger(i))::next);
            }
        }
        Stats warm = new Stats();
        Stats measured = new Stats();
        AtomicInteger outstanding = new AtomicInteger();
        Window window = new Window(warmup, duration);
        Disposable.Composite sending = Disposables.composite();
        if (options.openModel()) {
            openModel(sources, owners, endpoint, window, warm, measured, outstanding, sending);
        } else {
            sending.add(closedModel(sources, owners, endpoint, window, warm, measured, outstanding));
        }

        sleepUntil(window.measureFrom());
        long clientCpuBefore = processCpuNanos();
        Map<String, Double> servicesBefore = ProcCpu.seconds();
        ServerMetrics.Sampler sampler = metrics.sampler().start();
        sleepUntil(window.measureTo());
        List<ServerMetrics.Sample> samples = sampler.stop();
        long clientCpu = processCpuNanos() - clientCpuBefore;
        Map<String, Double> servicesAfter = ProcCpu.seconds();
        int open = outstanding.get();

        // requests still in flight are not counted: they may finish within the drain time, then are cancelled
        long drainUntil = System.nanoTime() + options.drain().toNanos();
        while (outstanding.get() > 0 && System.nanoTime() < drainUntil) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        sending.dispose();

        String load = options.openModel()
                ? String.format(Locale.ROOT, "%,.0f requests/s offered", options.rate())
                : options.concurrency() + " concurrent clients";
        return RunResult.of(
                mode,
                endpoint,
                load,
                warmup.toMillis() / 1000.0,
                duration.toMillis() / 1000.0,
                measured,
                warm.requests.sum(),
                open,
                samples,
                clientCpu / 1e9,
                delta(servicesBefore, servicesAfter, ProcCpu.POSTGRES),
                delta(servicesBefore, servicesAfter, ProcCpu.REDIS));
    }

    private Feed feed(LoadOptions.Mode mode, String platformCode, AtomicInteger scenarios) {
        return new Feed(
                this.scenarios,
                scenarios,
                lifecycleIds,
                runPrefix,
                mode.records,
                false,
                mode.invalid ? options.invalidShare() : 0,
                options.lateShare(),
                platformCode,
                ++seeds,
                Instant::now);
    }

    /** One request of every step of every scenario, for the no-op endpoints. */
    private List<Feed.Request> replay(LoadOptions.Mode mode) {
        Feed feed = feed(mode, platforms.get(0).signer().platformCode(), new AtomicInteger());
        int steps = scenarios.stream().mapToInt(s -> s.steps().size()).sum();
        List<Feed.Request> requests = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            requests.add(feed.next());
        }
        return List.copyOf(requests);
    }

    private Disposable closedModel(
            List<Supplier<Feed.Request>> sources,
            Platform[] owners,
            LoadOptions.Endpoint endpoint,
            Window window,
            Stats warm,
            Stats measured,
            AtomicInteger outstanding) {
        return Flux.range(0, sources.size())
                .flatMap(
                        i -> Mono.defer(() -> {
                                    Feed.Request request = sources.get(i).get();
                                    return exchange(
                                            request,
                                            owners[i],
                                            endpoint,
                                            System.nanoTime(),
                                            window,
                                            warm,
                                            measured,
                                            outstanding);
                                })
                                .repeat(() -> System.nanoTime() < window.measureTo()),
                        sources.size())
                .subscribe();
    }

    private void openModel(
            List<Supplier<Feed.Request>> sources,
            Platform[] owners,
            LoadOptions.Endpoint endpoint,
            Window window,
            Stats warm,
            Stats measured,
            AtomicInteger outstanding,
            Disposable.Composite sending) {
        double interval = 1e9 / options.rate();
        AtomicLong issued = new AtomicLong();
        sending.add(Flux.interval(Duration.ZERO, Duration.ofMillis(1))
                .takeWhile(tick -> System.nanoTime() < window.measureTo())
                .subscribe(tick -> {
                    long now = System.nanoTime();
                    long due = (long) ((now - window.start()) / interval) + 1;
                    while (issued.get() < due) {
                        long n = issued.getAndIncrement();
                        long intended = window.start() + (long) (n * interval);
                        if (outstanding.get() >= options.maxOutstanding()) {
                            (window.warmingUp(now) ? warm : measured).dropped.increment();
                            continue;
                        }
                        int k = (int) (n % sources.size());
                        Feed.Request request = sources.get(k).get();
                        Disposable[] self = new Disposable[1];
                        self[0] = exchange(request, owners[k], endpoint, intended, window, warm, measured, outstanding)
                                .doFinally(signal -> {
                                    if (self[0] != null) {
                                        sending.remove(self[0]);
                                    }
                                })
                                .subscribe();
                        if (!self[0].isDisposed()) {
                            sending.add(self[0]);
                        }
                    }
                }));
    }

    /** Sends one signed request and counts its answer in the phase it arrived in. */
    private Mono<Void> exchange(
            Feed.Request request,
            Platform platform,
            LoadOptions.Endpoint endpoint,
            long start,
            Window window,
            Stats warm,
            Stats measured,
            AtomicInteger outstanding) {
        String path = endpoint.path(request.dataset());
        long timestamp = System.currentTimeMillis();
        String nonce = Signer.nonce();
        String signature = platform.signer().signature("POST", path, timestamp, nonce, request.bodySha256());
        outstanding.incrementAndGet();
        return http.post()
                .uri(path)
                .send((req, out) -> {
                    req.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                            .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(request.body().length))
                            .header(Signer.PLATFORM_HEADER, platform.signer().platformCode())
                            .header(Signer.TIMESTAMP_HEADER, Long.toString(timestamp))
                            .header(Signer.NONCE_HEADER, nonce)
                            .header(Signer.METHOD_HEADER, Signer.METHOD)
                            .header(Signer.VERSION_HEADER, Signer.VERSION)
                            .header(Signer.SIGNATURE_HEADER, signature);
                    return out.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(request.body())));
                })
                .responseSingle((res, content) -> content.asByteArray()
                        .defaultIfEmpty(EMPTY)
                        .map(body -> {
                            long end = System.nanoTime();
                            Stats stats = phase(window, end, warm, measured);
                            if (stats != null) {
                                stats.answered(
                                        request,
                                        res.status().code(),
                                        body,
                                        end - start,
                                        endpoint == LoadOptions.Endpoint.PUSH);
                            }
                            return body.length;
                        }))
                .onErrorResume(e -> {
                    long end = System.nanoTime();
                    Stats stats = phase(window, end, warm, measured);
                    if (stats != null) {
                        stats.failed(request, e, end - start);
                    }
                    return Mono.empty();
                })
                .doFinally(signal -> outstanding.decrementAndGet())
                .then();
    }

    private static Stats phase(Window window, long at, Stats warm, Stats measured) {
        if (window.warmingUp(at)) {
            return warm;
        }
        return window.measured(at) ? measured : null;
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String key) {
        if (!before.containsKey(key) || !after.containsKey(key)) {
            return Double.NaN;
        }
        return Math.max(0, after.get(key) - before.get(key));
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
