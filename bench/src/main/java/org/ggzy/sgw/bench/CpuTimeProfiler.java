package org.ggzy.sgw.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Measures the CPU time the benchmark's JVM spent in each iteration (every thread: the benchmark's, the garbage
 * collector's, the JIT compiler's) and turns throughput into records per CPU-second: what one fully used core does,
 * even when other work shares the machine. Also reports the cores the JVM kept busy, which shows such sharing (one
 * benchmark thread given a core of its own keeps about one core busy).
 */
public final class CpuTimeProfiler implements InternalProfiler {

    /** Secondary result: records per CPU-second of the benchmark's JVM. */
    public static final String RECORDS_PER_CPU_SECOND = "cpu.records";

    /** Secondary result: CPU time of the benchmark's JVM divided by wall time. */
    public static final String CORES_BUSY = "cpu.cores";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long wallStart;
    private long cpuStart;

    @Override
    public String getDescription() {
        return "records per CPU-second of the benchmark's JVM, and the cores it kept busy";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result<?>> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long wall = System.nanoTime() - wallStart;
        long cpu = os.getProcessCpuTime() - cpuStart;
        if (wall <= 0 || cpu <= 0 || cpuStart < 0) {
            return List.of();
        }
        ScalarResult cores = new ScalarResult(CORES_BUSY, (double) cpu / wall, "cores", AggregationPolicy.AVG);
        if (benchmarkParams.getMode() != Mode.Throughput) {
            return List.of(cores);
        }
        TimeUnit unit = benchmarkParams.getTimeUnit();
        double perSecond = result.getPrimaryResult().getScore() * TimeUnit.SECONDS.toNanos(1) / unit.toNanos(1);
        double perCpuSecond = perSecond * wall / cpu;
        return List.of(
                new ScalarResult(RECORDS_PER_CPU_SECOND, perCpuSecond, "records/cpu-s", AggregationPolicy.AVG), cores);
    }
}
