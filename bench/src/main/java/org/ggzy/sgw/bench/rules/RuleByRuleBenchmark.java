package org.ggzy.sgw.bench.rules;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ggzy.sgw.gateway.rules.Finding;
import org.ggzy.sgw.gateway.rules.Rule;
import org.ggzy.sgw.gateway.rules.RuleBook;
import org.ggzy.sgw.gateway.rules.RuleContext;
import org.ggzy.sgw.gateway.rules.SectionState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where {@link SectionRulesBenchmark}'s time goes: each rule of the rule book alone on the same clean section, in
 * evaluations per second. Not part of {@code run-jmh.sh}'s default run (23 runs); ask for it by name,
 * {@code bench/run-jmh.sh RuleByRuleBenchmark}. One operation is one evaluation of one rule.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RuleByRuleBenchmark {

    /** Every rule of the rule book, by catalogue id, in its order. */
    @Param({
        "P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09", "P10", "P11", "P12", "Z01", "Z02", "P13", "P14",
        "A02", "A03", "A04", "R01", "R02", "R03", "R04"
    })
    public String rule;

    /** Bidders of the section (at least the scenario's 4). */
    @Param({"50"})
    public int bidders;

    private Rule evaluated;
    private RuleContext context;
    private SectionState state;

    @Setup(Level.Trial)
    public void setUp() {
        RuleBook book = SectionFixtures.ruleBook();
        evaluated = book.all().stream()
                .filter(r -> r.id().equals(rule))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + rule + " in " + book));
        context = SectionFixtures.context();
        state = SectionFixtures.section(bidders);
        if (!evaluate().isEmpty()) {
            throw new IllegalStateException("rule " + rule + " finds something in the clean section");
        }
    }

    @Benchmark
    public List<Finding> evaluate() {
        return evaluated.evaluate(state, context);
    }
}
