package org.ggzy.sgw.bench.parsing;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The gateway's parsing of a push body ({@code RecordParser}, through {@link GatewayRecordParser}), in records per
 * second: duplicate keys refused, nesting and string length limited, decimals as {@code BigDecimal}, each record's
 * tree and exact text. A body of one bidder row, and of {@value ParsingFixtures#BATCH_SIZE} rows as a JSON array and
 * as NDJSON. One operation is one record: the batch benchmarks count {@value ParsingFixtures#BATCH_SIZE}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PushParsingBenchmark {

    private GatewayRecordParser parser;
    private byte[] single;
    private byte[] array;
    private byte[] ndjson;

    @Setup(Level.Trial)
    public void setUp() {
        parser = new GatewayRecordParser();
        single = ParsingFixtures.single();
        array = ParsingFixtures.array();
        ndjson = ParsingFixtures.ndjson();
        // measure the path of an accepted body, never the (different) path of a rejected one
        require(parser.parse(single, false), 1);
        require(parser.parse(array, false), ParsingFixtures.BATCH_SIZE);
        require(parser.parse(ndjson, true), ParsingFixtures.BATCH_SIZE);
    }

    private static void require(List<?> records, int expected) {
        if (records.size() != expected) {
            throw new IllegalStateException("a body parsed into " + records.size() + " records, not " + expected);
        }
    }

    @Benchmark
    public List<?> parseSingle() {
        return parser.parse(single, false);
    }

    @Benchmark
    @OperationsPerInvocation(ParsingFixtures.BATCH_SIZE)
    public List<?> parseArray100() {
        return parser.parse(array, false);
    }

    @Benchmark
    @OperationsPerInvocation(ParsingFixtures.BATCH_SIZE)
    public List<?> parseNdjson100() {
        return parser.parse(ndjson, true);
    }
}
