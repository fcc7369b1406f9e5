package org.ggzy.sgw.gateway.edge;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.ggzy.sgw.gateway.web.ProblemException;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code BodyLimit=10MB}: reads the request body once, refusing it with {@code 413 payload-too-large} as soon as it
 * passes the limit (from {@code Content-Length} before reading, or while streaming a chunked body: never after
 * buffering it all). The bytes are left as {@link EdgeAttributes#RAW_BODY} for the signature check and the handler.
 *
 * <p>The bodies held at once are bounded too ({@code BodyLimit=10MB,64MB}; by default a sixteenth of the heap, since a
 * push holds several copies of its body while it is parsed, validated and stored): a request whose body would pass
 * that budget is answered {@code 503 service-unavailable} with {@code Retry-After} before its body is read, so that no
 * number of large concurrent pushes can exhaust the heap. A body of unknown length counts as the size limit until it
 * has been read.
 */
@Component
public class BodyLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<BodyLimitGatewayFilterFactory.Config> {

    /** Runs first among the edge filters. */
    public static final int ORDER = -400;

    public BodyLimitGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("maxSize", "maxInFlight");
    }

    @Override
    public GatewayFilter apply(Config config) {
        long max = config.getMaxSize().toBytes();
        String limit = config.getMaxSize().toMegabytes() + " MB";
        long budget = config.getMaxInFlight() == null
                ? Runtime.getRuntime().maxMemory() / 16
                : config.getMaxInFlight().toBytes();
        AtomicLong held = new AtomicLong();
        return new OrderedGatewayFilter(
                (exchange, chain) -> {
                    exchange.getAttributes()
                            .putIfAbsent(
                                    EdgeAttributes.ORIGINAL_PATH,
                                    exchange.getRequest().getURI().getRawPath());
                    long declared = exchange.getRequest().getHeaders().getContentLength();
                    if (declared > max) {
                        return Mono.error(tooLarge(limit));
                    }
                    long claimed = declared >= 0 ? declared : max;
                    long holding0 = held.addAndGet(claimed);
                    // over the budget with others' bodies held: refuse (alone, a body up to the size limit goes ahead)
                    if (holding0 > budget && holding0 != claimed) {
                        held.addAndGet(-claimed);
                        return Mono.error(busy());
                    }
                    long[] holding = {claimed};
                    return DataBufferUtils.join(exchange.getRequest().getBody(), (int) Math.min(max, Integer.MAX_VALUE))
                            .map(BodyLimitGatewayFilterFactory::drain)
                            .defaultIfEmpty(new byte[0])
                            .onErrorMap(DataBufferLimitException.class, e -> tooLarge(limit))
                            .doOnNext(bytes -> {
                                // a body of unknown length: hold what it really is from now on
                                held.addAndGet(bytes.length - holding[0]);
                                holding[0] = bytes.length;
                            })
                            .flatMap(bytes -> chain.filter(withBody(exchange, bytes)))
                            .doFinally(signal -> held.addAndGet(-holding[0]));
                },
                ORDER);
    }

    private static ProblemException busy() {
        return ProblemType.SERVICE_UNAVAILABLE
                .exception("The gateway is holding as many request bodies as its memory allows; send the request again "
                        + "after Retry-After seconds.")
                .header(HttpHeaders.RETRY_AFTER, "1");
    }

    private static ProblemException tooLarge(String limit) {
        return ProblemType.PAYLOAD_TOO_LARGE.exception("The request body exceeds " + limit + ".");
    }

    private static byte[] drain(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static ServerWebExchange withBody(ServerWebExchange exchange, byte[] bytes) {
        exchange.getAttributes().put(EdgeAttributes.RAW_BODY, bytes);
        ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(
                        () -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
            }
        };
        return exchange.mutate().request(request).build();
    }

    /** Configuration of {@code BodyLimit}. */
    public static class Config {
        private DataSize maxSize = DataSize.ofMegabytes(10);
        private DataSize maxInFlight;

        /** The bytes of request bodies held at once; {@code null}: a sixteenth of the heap. */
        public DataSize getMaxInFlight() {
            return maxInFlight;
        }

        public void setMaxInFlight(DataSize maxInFlight) {
            if (maxInFlight != null && maxInFlight.toBytes() <= 0) {
                throw new IllegalArgumentException("BodyLimit max-in-flight must be positive");
            }
            this.maxInFlight = maxInFlight;
        }

        public DataSize getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            if (maxSize == null || maxSize.toBytes() <= 0) {
                throw new IllegalArgumentException("BodyLimit max-size must be positive");
            }
            this.maxSize = maxSize;
        }

        @Override
        public String toString() {
            return "BodyLimit[maxSize=" + maxSize + ", maxInFlight=" + (maxInFlight == null ? "heap/16" : maxInFlight)
                    + "]";
        }
    }
}
