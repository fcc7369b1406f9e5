package org.ggzy.sgw.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The main class of {@code sgw-bench.jar}: JMH's command line (same options, e.g. {@code ValidationBenchmark -f 1
 * -wi 5 -i 5}), with {@link CpuTimeProfiler} always on, followed, once JMH has finished, by a summary table of
 * records per second and records per second per core. Every benchmark of this module counts one operation per
 * record, so JMH's ops/s are records/s.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("Error parsing command line: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (options.shouldHelp()
                || options.shouldList()
                || options.shouldListWithParams()
                || options.shouldListProfilers()
                || options.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        Collection<RunResult> results;
        try {
            results = new Runner(new OptionsBuilder()
                            .parent(options)
                            .addProfiler(CpuTimeProfiler.class)
                            .build())
                    .run();
        } catch (RunnerException e) {
            System.err.println("Benchmark run failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (results.isEmpty()) {
            System.err.println("No benchmark ran (does the pattern match one? see -l).");
            System.exit(1);
            return;
        }
        System.out.println();
        System.out.print(ThroughputTable.of(results, Runtime.getRuntime().availableProcessors()));
    }
}
