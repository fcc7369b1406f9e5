package org.ggzy.sgw.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a gateway's CPU went, from a flight recording's execution samples ({@code jdk.ExecutionSample}):
 *
 * <pre>
 * java -cp bench/target/sgw-bench.jar org.ggzy.sgw.bench.load.JfrTop gateway.jfr [top]
 * </pre>
 *
 * Prints the methods on top of the stack (where the samples were taken, "self"), the share of samples in which a
 * library or a part of the gateway is anywhere on the stack ("inclusive", so the shares overlap), the gateway
 * methods nearest the top of the stack, and the threads.
 */
public final class JfrTop {

    /** Parts of the stack, by class name prefix, in the order they are printed. */
    static final Map<String, String> PARTS = parts();

    private static Map<String, String> parts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("org.ggzy.sgw.gateway.edge.", "sgw edge filters (signature, nonce, rate limit, body)");
        m.put("org.ggzy.sgw.gateway.push.", "sgw push (parse, check, store, receipt)");
        m.put("org.ggzy.sgw.gateway.record.", "sgw record store");
        m.put("org.ggzy.sgw.gateway.lifecycle.", "sgw lifecycle (sections, expectations, rule runner)");
        m.put("org.ggzy.sgw.gateway.rules.", "sgw rules");
        m.put("org.ggzy.sgw.gateway.warning.", "sgw warnings");
        m.put("org.ggzy.sgw.gateway.outbox.", "sgw outbox");
        m.put("org.ggzy.sgw.gateway.platform.", "sgw platforms");
        m.put("org.ggzy.sgw.gateway.", "sgw gateway (all)");
        m.put("org.ggzy.sgw.schemas.", "sgw schemas (validation)");
        m.put("com.networknt.schema.", "networknt JSON Schema");
        m.put("com.fasterxml.jackson.", "Jackson");
        m.put("io.r2dbc.postgresql.", "R2DBC PostgreSQL driver");
        m.put("io.r2dbc.pool.", "R2DBC pool");
        m.put("org.springframework.r2dbc.", "Spring R2DBC");
        m.put("org.springframework.transaction.", "Spring transactions");
        m.put("io.lettuce.", "Lettuce (Redis)");
        m.put("org.springframework.cloud.gateway.", "Spring Cloud Gateway");
        m.put("org.springframework.security.", "Spring Security");
        m.put("org.springframework.web.", "Spring WebFlux");
        m.put("org.springframework.http.", "Spring HTTP codecs");
        m.put("io.micrometer.", "Micrometer");
        m.put("ch.qos.logback.", "Logback");
        m.put("org.springframework.boot.logging.", "Spring Boot logging (ECS)");
        m.put("org.bouncycastle.", "Bouncy Castle (HMAC, digests)");
        m.put("reactor.netty.", "Reactor Netty");
        m.put("io.netty.", "Netty");
        m.put("reactor.core.", "Reactor");
        m.put("java.util.regex.", "java.util.regex");
        m.put("java.time.", "java.time");
        return m;
    }

    private JfrTop() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args[0].startsWith("-")) {
            System.err.println("usage: JfrTop <recording.jfr> [top]");
            System.exit(2);
            return;
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> nearestSgw = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, double[]> threadLoad = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.ThreadCPULoad")) {
                    RecordedThread thread = event.getThread("eventThread");
                    String name = thread == null
                            ? "?"
                            : thread.getJavaName() == null ? thread.getOSName() : thread.getJavaName();
                    double[] sum = threadLoad.computeIfAbsent(name, k -> new double[2]);
                    sum[0] += event.getFloat("user") + event.getFloat("system");
                    sum[1]++;
                    continue;
                }
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(name(frames.get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                String sgw = null;
                for (RecordedFrame f : frames) {
                    String type = f.getMethod().getType().getName();
                    for (Map.Entry<String, String> part : PARTS.entrySet()) {
                        if (type.startsWith(part.getKey()) && seen.add(part.getValue())) {
                            inclusive.merge(part.getValue(), 1, Integer::sum);
                        }
                    }
                    if (sgw == null && type.startsWith("org.ggzy.sgw.")) {
                        sgw = name(f);
                    }
                }
                nearestSgw.merge(sgw == null ? "(no sgw frame on the stack)" : sgw, 1, Integer::sum);
                RecordedThread thread = event.getThread("sampledThread");
                threads.merge(thread == null ? "?" : threadGroup(thread.getJavaName()), 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%,d execution samples in %s%n", samples, args[0]);
        print("top of the stack (self)", self, samples, top);
        Map<String, Integer> ordered = new LinkedHashMap<>();
        PARTS.values().forEach(p -> {
            if (inclusive.containsKey(p)) {
                ordered.put(p, inclusive.get(p));
            }
        });
        print("anywhere on the stack (inclusive; shares overlap)", ordered, samples, ordered.size(), false);
        print("nearest gateway method to the top of the stack", nearestSgw, samples, top);
        print("threads (execution samples)", threads, samples, top);
        if (!threadLoad.isEmpty()) {
            Map<String, Double> byGroup = new HashMap<>();
            threadLoad.forEach((name, sum) -> byGroup.merge(threadGroup(name), sum[0] / sum[1], Double::sum));
            List<Map.Entry<String, Double>> entries = new ArrayList<>(byGroup.entrySet());
            entries.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            System.out.println();
            System.out.println(
                    "CPU by thread (jdk.ThreadCPULoad, average share of the machine; includes JIT and GC threads):");
            for (int i = 0; i < Math.min(top, entries.size()); i++) {
                System.out.printf(
                        Locale.ROOT,
                        "  %5.1f %%  %s%n",
                        100 * entries.get(i).getValue(),
                        entries.get(i).getKey());
            }
        }
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type + "." + f.getMethod().getName();
    }

    /** A thread's name without its number: {@code reactor-http-epoll-2} → {@code reactor-http-epoll}. */
    static String threadGroup(String name) {
        return name == null ? "?" : name.replaceAll("[-#]?\\d+$", "");
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        print(title, counts, total, top, true);
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top, boolean sort) {
        System.out.println();
        System.out.println(title + ":");
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        if (sort) {
            entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        }
        for (int i = 0; i < Math.min(top, entries.size()); i++) {
            Map.Entry<String, Integer> e = entries.get(i);
            System.out.printf(
                    Locale.ROOT,
                    "  %5.1f %%  %7d  %s%n",
                    100.0 * e.getValue() / Math.max(1, total),
                    e.getValue(),
                    e.getKey());
        }
    }
}
