package org.ggzy.sgw.bench.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
 * Where {@link SignatureBenchmark}'s time goes on large bodies: the digest of the body alone, by the gateway's
 * {@link SignatureMethod} (Bouncy Castle's SHA-256 and SM3, in Java) and, for reference, by the JDK's own SHA-256
 * ({@code MessageDigest}, which the JIT compiler replaces by the processor's SHA instructions where there are any).
 * Not part of {@code run-jmh.sh}'s default run; ask for it by name, {@code bench/run-jmh.sh BodyDigestBenchmark}.
 * One operation is one body digested.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class BodyDigestBenchmark {

    @Param({"gateway-sha256", "gateway-sm3", "jdk-sha256"})
    public String digest;

    @Param({"2048", "102400"})
    public int bodyBytes;

    private byte[] body;
    private MessageDigest jdk;

    @Setup(Level.Trial)
    public void setUp() throws NoSuchAlgorithmException {
        body = SignatureFixtures.body(bodyBytes);
        jdk = MessageDigest.getInstance("SHA-256");
        if (!SignatureMethod.HMAC_SHA256.digestHex(body).equals(HexFormat.of().formatHex(jdk.digest(body)))) {
            throw new IllegalStateException("the gateway's SHA-256 and the JDK's differ");
        }
    }

    @Benchmark
    public String digestBody() {
        return switch (digest) {
            case "gateway-sha256" -> SignatureMethod.HMAC_SHA256.digestHex(body);
            case "gateway-sm3" -> SignatureMethod.HMAC_SM3.digestHex(body);
            case "jdk-sha256" -> HexFormat.of().formatHex(jdk.digest(body));
            default -> throw new IllegalArgumentException(digest);
        };
    }
}
