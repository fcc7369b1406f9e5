package org.ggzy.sgw.gateway.lifecycle;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code POST /api/v1/admin/scan}: runs the deadline scanner now. */
@Component
class ScanHandler {

    private final DeadlineScanner scanner;

    ScanHandler(DeadlineScanner scanner) {
        this.scanner = scanner;
    }

    Mono<ServerResponse> scan(ServerRequest request) {
        return scanner.scan().flatMap(result -> ServerResponse.ok().bodyValue(result));
    }
}
