package org.ggzy.sgw.bench.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ggzy.sgw.bench.validation.PushBodyReader.ParsedRecord;
import org.ggzy.sgw.schemas.Catalog;
import org.ggzy.sgw.schemas.Dataset;
import org.ggzy.sgw.schemas.RecordValidator;
import org.ggzy.sgw.schemas.Validation;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Validation throughput of the specification library ({@link RecordValidator}, what the gateway runs on every pushed
 * record), in records per second, on three sizes of realistic records: a bidder row, a tender notice with a 20 KB
 * {@code NOTICE_CONTENT}, and a push of 1,000 bidder rows. Each size is measured twice: {@code validate*} validates
 * records already parsed, {@code parseAndValidate*} starts from the bytes of the push body, as the gateway does
 * (split and parse, then validate each record). One operation is one record: the batch benchmarks count 1,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {

    private RecordValidator validator;
    private PushBodyReader reader;
    private Dataset bidder;
    private Dataset tenderNotice;

    private JsonNode bidderRecord;
    private JsonNode noticeRecord;
    private List<? extends JsonNode> batch;

    private byte[] bidderBody;
    private byte[] noticeBody;
    private byte[] batchBody;

    @Setup(Level.Trial)
    public void setUp() {
        Catalog catalog = Catalog.load();
        validator = RecordValidator.standard(catalog);
        reader = new PushBodyReader();
        bidder = catalog.find(ValidationFixtures.BIDDER).orElseThrow();
        tenderNotice = catalog.find(ValidationFixtures.TENDER_NOTICE).orElseThrow();

        bidderRecord = ValidationFixtures.bidder();
        noticeRecord = ValidationFixtures.longTenderNotice();
        batch = ValidationFixtures.bidderBatch(ValidationFixtures.BATCH_SIZE);
        bidderBody = ValidationFixtures.json(bidderRecord);
        noticeBody = ValidationFixtures.json(noticeRecord);
        batchBody = ValidationFixtures.jsonArray(batch);

        // measure the path of a valid record, never the (different) path of a rejected one
        requireValid(bidder, List.of(bidderRecord));
        requireValid(tenderNotice, List.of(noticeRecord));
        requireValid(bidder, batch);
        if (reader.read(batchBody).size() != batch.size()) {
            throw new IllegalStateException("the batch body does not hold " + batch.size() + " records");
        }
    }

    private void requireValid(Dataset dataset, List<? extends JsonNode> records) {
        for (JsonNode record : records) {
            Validation validation = validator.validate(dataset, record);
            if (!validation.valid() || !validation.unknownFields().isEmpty()) {
                throw new IllegalStateException("fixture of " + dataset.id() + " is not a clean valid record: "
                        + validation.violations() + " unknown " + validation.unknownFields());
            }
        }
    }

    @Benchmark
    public Validation validateBidder() {
        return validator.validate(bidder, bidderRecord);
    }

    @Benchmark
    public Validation validateLongNotice() {
        return validator.validate(tenderNotice, noticeRecord);
    }

    @Benchmark
    @OperationsPerInvocation(ValidationFixtures.BATCH_SIZE)
    public void validateBatch1000(Blackhole blackhole) {
        for (JsonNode record : batch) {
            blackhole.consume(validator.validate(bidder, record));
        }
    }

    @Benchmark
    public void parseAndValidateBidder(Blackhole blackhole) {
        parseAndValidate(bidder, bidderBody, blackhole);
    }

    @Benchmark
    public void parseAndValidateLongNotice(Blackhole blackhole) {
        parseAndValidate(tenderNotice, noticeBody, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(ValidationFixtures.BATCH_SIZE)
    public void parseAndValidateBatch1000(Blackhole blackhole) {
        parseAndValidate(bidder, batchBody, blackhole);
    }

    private void parseAndValidate(Dataset dataset, byte[] body, Blackhole blackhole) {
        for (ParsedRecord record : reader.read(body)) {
            blackhole.consume(record.payload());
            blackhole.consume(validator.validate(dataset, record.node()));
        }
    }
}
