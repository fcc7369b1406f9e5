package org.ggzy.sgw.bench.signature;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ggzy.sgw.gateway.edge.SignatureMethod;
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
 * The edge's signature check of one push request, in requests per second: the gateway's {@link SignatureMethod}
 * (Bouncy Castle's SHA-256 or SM3, and HMAC over it) digesting the body, then the HMAC of the canonical string under
 * the platform's secret, compared with {@code X-Signature}. Both methods, on a body of 2 KB (one bidder row) and of
 * 100 KB (92 rows). One operation is one request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignatureBenchmark {

    @Param({"HMAC_SHA256", "HMAC_SM3"})
    public SignatureMethod method;

    @Param({"2048", "102400"})
    public int bodyBytes;

    private byte[] body;
    private String signature;
    private List<String> secrets;

    @Setup(Level.Trial)
    public void setUp() {
        body = SignatureFixtures.body(bodyBytes);
        signature = SignatureFixtures.sign(method, SignatureFixtures.SECRET, body);
        secrets = List.of(SignatureFixtures.SECRET);
        // measure the path of a correctly signed request, never the (shorter) path of a rejected one
        if (!verifyRequest()) {
            throw new IllegalStateException("the fixture's signature does not verify");
        }
    }

    @Benchmark
    public boolean verifyRequest() {
        return SignatureFixtures.verify(
                method, SignatureFixtures.TIMESTAMP, SignatureFixtures.NONCE, body, signature, secrets);
    }
}
