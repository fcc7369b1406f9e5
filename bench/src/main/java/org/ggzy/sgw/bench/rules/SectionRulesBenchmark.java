package org.ggzy.sgw.bench.rules;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The supervision rules on one bid section, in sections per second: every rule of the gateway's {@link RuleBook}
 * (23 statutory-procedure, archive and collusion rules) evaluated on the state of a section at the end of a complete
 * lifecycle ({@link SectionFixtures}: the scenario {@code gcjs-tender-to-contract} with {@code bidders} bidders and
 * their bid-file fingerprints, 5 experts, notices, opening, report, publicity, award, contract and archives), as the
 * lifecycle runs them over the state. The section is clean, so the rules do all their work and find nothing. One
 * operation is one full evaluation of the section. Twice the usual warm-up: at about a thousand evaluations a second,
 * each rule is called only that often, and the JIT compiler needs some 10 s before all 23 are compiled.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SectionRulesBenchmark {

    /** Bidders of the section (at least the scenario's 4). */
    @Param({"50"})
    public int bidders;

    private RuleBook book;
    private RuleContext context;
    private SectionState state;

    @Setup(Level.Trial)
    public void setUp() {
        book = SectionFixtures.ruleBook();
        context = SectionFixtures.context();
        state = SectionFixtures.section(bidders);
        // measure the path of a clean section, where no rule stops early on a finding
        if (!book.evaluateAll(state, context).isEmpty()) {
            throw new IllegalStateException("the section is not clean: " + book.evaluateAll(state, context));
        }
    }

    @Benchmark
    public void evaluateSection(Blackhole blackhole) {
        for (Rule rule : book.all()) {
            blackhole.consume(rule.evaluate(state, context));
        }
    }
}
