package org.ggzy.sgw.gateway.bench;

import org.ggzy.sgw.gateway.edge.EdgeAttributes;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Reads the request body to its end, releases it and answers {@code 202} with a tiny JSON body: the least a handler
 * can do with a push, the baseline of the load benchmark.
 */
final class NoopHandler {

    /** The push route's body limit. */
    static final int MAX_BODY = 10 * 1024 * 1024;

    /** Behind the edge: like the push handlers, the path exists only for a request the edge authenticated. */
    Mono<ServerResponse> behindEdge(ServerRequest request) {
        if (request.attribute(EdgeAttributes.PLATFORM).isEmpty()) {
            return Mono.error(ProblemType.NOT_FOUND.exception("No resource at this path."));
        }
        return direct(request);
    }

    Mono<ServerResponse> direct(ServerRequest request) {
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), MAX_BODY)
                .map(NoopHandler::sizeAndRelease)
                .defaultIfEmpty(0)
                .onErrorMap(
                        DataBufferLimitException.class,
                        e -> ProblemType.PAYLOAD_TOO_LARGE.exception("The request body exceeds 10 MB."))
                .flatMap(bytes -> ServerResponse.accepted()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"status\":\"NOOP\",\"bytes\":" + bytes + "}"));
    }

    private static int sizeAndRelease(DataBuffer buffer) {
        try {
            return buffer.readableByteCount();
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
