package org.ggzy.sgw.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The command line of {@link LoadGenerator}. */
record LoadOptions(
        String url,
        String adminPassword,
        List<Mode> modes,
        List<Endpoint> endpoints,
        int concurrency,
        double rate,
        int maxOutstanding,
        Duration warmup,
        Duration duration,
        Duration noopWarmup,
        Duration noopDuration,
        Duration prime,
        Duration drain,
        Duration settle,
        int platforms,
        double lateShare,
        double invalidShare,
        Duration timeout,
        String jsonFile,
        String markdownFile,
        long seed,
        boolean help) {

    /** What one request carries. */
    enum Mode {
        SINGLE("single", 1, false),
        BATCH10("batch10", 10, false),
        BATCH100("batch100", 100, false),
        BATCH1000("batch1000", 1000, false),
        MIXED("mixed", 100, true);

        final String label;
        final int records;
        final boolean invalid;

        Mode(String label, int records, boolean invalid) {
            this.label = label;
            this.records = records;
            this.invalid = invalid;
        }

        static Mode of(String text) {
            for (Mode m : values()) {
                if (m.label.equals(text)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown mode '" + text + "' (single|batch10|batch100|batch1000|mixed)");
        }
    }

    /** Where the requests go. */
    enum Endpoint {
        PUSH("push"),
        NOOP_EDGE("noop-edge"),
        NOOP_DIRECT("noop-direct");

        final String label;

        Endpoint(String label) {
            this.label = label;
        }

        boolean noop() {
            return this != PUSH;
        }

        /** The raw path of a request of this endpoint (the signature covers it). */
        String path(String dataset) {
            return switch (this) {
                case PUSH -> "/api/v1/push/" + dataset;
                case NOOP_EDGE -> "/api/v1/bench/noop-edge";
                case NOOP_DIRECT -> "/api/v1/bench/noop-direct";
            };
        }

        static Endpoint of(String text) {
            for (Endpoint e : values()) {
                if (e.label.equals(text)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("unknown endpoint '" + text + "' (push|noop-edge|noop-direct)");
        }
    }

    static final String HELP =
            """
            java -cp bench/target/sgw-bench.jar org.ggzy.sgw.bench.load.LoadGenerator [options]

            Sends signed pushes of realistic records (the lifecycle scenarios of contracts/scenarios/, made unique per
            lifecycle) to a running gateway and reports throughput, latency (HdrHistogram), status counts and the
            server's heap and CPU (from /actuator/prometheus). Registers fresh platforms first.

              --url URL               the gateway (default http://127.0.0.1:8080)
              --admin-password PW     sysadmin's password, to register the platforms
                                      (default: environment SGW_BOOTSTRAP_ADMIN_PASSWORD)
              --mode M[,M...]         single | batch10 | batch100 | batch1000 | mixed (default single)
                                        single     one record a request (a JSON object)
                                        batchN     N records a request (a JSON array), each of another lifecycle
                                        mixed      batches of 100 of which 20 % are invalid (a required field removed)
              --endpoint E[,E...]     push | noop-edge | noop-direct (default push)
                                        noop-edge    the bench profile's no-op behind the same edge filters
                                        noop-direct  the same no-op without the edge filters
              --concurrency N         fixed concurrency: N clients, each sending its next request when the last
                                      one is answered (closed model; default 64)
              --rate R                fixed arrival rate instead: R requests a second whatever the answers (open
                                      model; latency counted from the intended send time)
              --max-outstanding N     with --rate: requests in flight at most, more are counted as dropped
                                      (default 10000)
              --warmup D              warm-up before measuring, e.g. 10s (default 10s)
              --duration D            measured time, e.g. 30s, 2m (default 30s)
              --noop-warmup D         warm-up for the no-op endpoints (default: --warmup)
              --noop-duration D       measured time for the no-op endpoints (default: --duration)
              --prime D               before the first run, send for D (split over the endpoints given, single
                                      records) and count nothing: the gateway's JIT compiles its hot paths
                                      (default 0s)
              --drain D               after each run, wait at most D for the requests still in flight, then cancel
                                      them (default 5s)
              --settle D              after each push run, wait at most D until the gateway's delivery outbox is
                                      empty (GET /api/v1/admin/deliveries/backlog), so that the next run does not
                                      share the machine with the deliveries of this one; 0s: do not wait
                                      (default 300s)
              --platforms N           platforms to register and spread the clients over (default 16)
              --late-share F          share of lifecycles whose first day is pushed 30 h late, so that PUSH_LATE
                                      fires for their first records (default 0.05)
              --invalid-share F       share of invalid records in mode mixed (default 0.2)
              --timeout D             response timeout (default 120s)
              --json FILE             also append each run's JSON summary line to FILE
              --markdown FILE         write the table of all runs (with the push/no-op ratios) to FILE
              --seed N                random seed (default: from the clock)
              --help                  this text

            Every mode and endpoint given is run, mode by mode, endpoints in the order given. Each run prints its
            figures and one line of JSON starting with {"type":"sgw-load-run"; several runs end with a table.
            Throughput counts the answers that arrived in the measured time and handled their records (2xx, and for
            a push 422 with its receipt); other answers and requests without one are counted apart. Latency (from
            sending to the whole answer) counts every answer.
            """;

    static LoadOptions parse(String[] args) {
        String url = "http://127.0.0.1:8080";
        String password = System.getenv("SGW_BOOTSTRAP_ADMIN_PASSWORD");
        List<Mode> modes = List.of(Mode.SINGLE);
        List<Endpoint> endpoints = List.of(Endpoint.PUSH);
        int concurrency = 64;
        double rate = 0;
        int maxOutstanding = 10_000;
        Duration warmup = Duration.ofSeconds(10);
        Duration duration = Duration.ofSeconds(30);
        Duration noopWarmup = null;
        Duration noopDuration = null;
        Duration prime = Duration.ZERO;
        Duration drain = Duration.ofSeconds(5);
        Duration settle = Duration.ofSeconds(300);
        int platforms = 16;
        double lateShare = 0.05;
        double invalidShare = 0.2;
        Duration timeout = Duration.ofSeconds(120);
        String json = null;
        String markdown = null;
        long seed = System.nanoTime();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                help = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--url" -> url = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
                case "--admin-password" -> password = value;
                case "--mode" -> modes = list(value, Mode::of);
                case "--endpoint" -> endpoints = list(value, Endpoint::of);
                case "--concurrency" -> concurrency = positive(name, Integer.parseInt(value));
                case "--rate" -> rate = Double.parseDouble(value);
                case "--max-outstanding" -> maxOutstanding = positive(name, Integer.parseInt(value));
                case "--warmup" -> warmup = duration(value);
                case "--duration" -> duration = duration(value);
                case "--noop-warmup" -> noopWarmup = duration(value);
                case "--noop-duration" -> noopDuration = duration(value);
                case "--prime" -> prime = duration(value);
                case "--drain" -> drain = duration(value);
                case "--settle" -> settle = duration(value);
                case "--platforms" -> platforms = positive(name, Integer.parseInt(value));
                case "--late-share" -> lateShare = share(name, Double.parseDouble(value));
                case "--invalid-share" -> invalidShare = share(name, Double.parseDouble(value));
                case "--timeout" -> timeout = duration(value);
                case "--json" -> json = value;
                case "--markdown" -> markdown = value;
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + name + " (see --help)");
            }
        }
        if (!help && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException(
                    "--admin-password is required (or set SGW_BOOTSTRAP_ADMIN_PASSWORD): the generator registers "
                            + "its own platforms");
        }
        if (rate < 0) {
            throw new IllegalArgumentException("--rate must be positive");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        return new LoadOptions(
                url,
                password,
                modes,
                endpoints,
                concurrency,
                rate,
                maxOutstanding,
                warmup,
                duration,
                noopWarmup == null ? warmup : noopWarmup,
                noopDuration == null ? duration : noopDuration,
                prime,
                drain,
                settle,
                platforms,
                lateShare,
                invalidShare,
                timeout,
                json,
                markdown,
                seed,
                help);
    }

    boolean openModel() {
        return rate > 0;
    }

    Duration warmupOf(Endpoint endpoint) {
        return endpoint.noop() ? noopWarmup : warmup;
    }

    Duration durationOf(Endpoint endpoint) {
        return endpoint.noop() ? noopDuration : duration;
    }

    /** The number of clients (closed model) or of lifecycle feeds the requests are drawn from (open model). */
    int feeds() {
        return openModel() ? Math.max(1, Math.min(concurrency, 1024)) : concurrency;
    }

    private static final Pattern DURATION = Pattern.compile("^(\\d+(?:\\.\\d+)?)(ms|s|m|h)?$");

    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 500ms, 10s, 2m)");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis =
                switch (unit) {
                    case "ms" -> amount;
                    case "m" -> amount * 60_000;
                    case "h" -> amount * 3_600_000;
                    default -> amount * 1000;
                };
        return Duration.ofMillis(Math.round(millis));
    }

    private static <T> List<T> list(String text, java.util.function.Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(parse.apply(part.trim()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("empty list: '" + text + "'");
        }
        return List.copyOf(out);
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return value;
    }

    private static double share(String name, double value) {
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException(name + " must be between 0 and 1");
        }
        return value;
    }
}
