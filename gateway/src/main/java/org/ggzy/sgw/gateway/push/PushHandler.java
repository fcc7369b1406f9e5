package org.ggzy.sgw.gateway.push;

import java.time.Duration;
import java.util.Map;
import org.ggzy.sgw.gateway.edge.EdgeAttributes;
import org.ggzy.sgw.gateway.edge.SignatureMethod;
import org.ggzy.sgw.gateway.platform.PlatformCredentials;
import org.ggzy.sgw.gateway.record.RecordStore;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.ggzy.sgw.gateway.web.RequestIds;
import org.ggzy.sgw.schemas.Catalog;
import org.ggzy.sgw.schemas.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The platform API behind the edge: push, dry run, receipts, stored records. Every request here was authenticated
 * by the edge; without its attribute the path does not exist.
 */
@Component
class PushHandler {

    private static final Logger log = LoggerFactory.getLogger(PushHandler.class);
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final PushService service;
    private final RecordStore store;
    private final Catalog catalog;
    private final PushMetrics metrics;

    PushHandler(PushService service, RecordStore store, Catalog catalog, PushMetrics metrics) {
        this.service = service;
        this.store = store;
        this.catalog = catalog;
        this.metrics = metrics;
    }

    Mono<ServerResponse> push(ServerRequest request) {
        long started = System.nanoTime();
        PushService.PushRequest push = pushRequest(request);
        String platform = push.platform().code();
        String dataset = push.dataset().id().value();
        return service.push(push)
                .doOnNext(receipt -> {
                    metrics.count(platform, dataset, receipt);
                    log.atInfo()
                            .addKeyValue("requestId", push.requestId())
                            .addKeyValue("platformCode", platform)
                            .addKeyValue("dataset", dataset)
                            .addKeyValue("receiptId", receipt.receiptId())
                            .log(
                                    "push stored: {} accepted, {} duplicate, {} stale, {} rejected",
                                    receipt.accepted(),
                                    receipt.duplicates(),
                                    receipt.stale(),
                                    receipt.rejected());
                })
                .flatMap(receipt -> receipt.anyTaken()
                        ? ServerResponse.status(HttpStatus.ACCEPTED).bodyValue(receipt)
                        : Mono.error(ProblemType.ALL_RECORDS_REJECTED
                                .exception("No record was accepted: " + receipt.rejected() + " rejected, "
                                        + receipt.stale() + " stale. The receipt lists every violation.")
                                .with("receipt", receipt)))
                .doOnEach(signal -> {
                    if (signal.isOnNext() || signal.isOnError()) {
                        String outcome = signal.isOnNext() ? "202" : outcomeOf(signal.getThrowable());
                        metrics.time(dataset, outcome, Duration.ofNanos(System.nanoTime() - started));
                    }
                });
    }

    Mono<ServerResponse> validate(ServerRequest request) {
        return service.dryRun(pushRequest(request))
                .flatMap(report -> ServerResponse.ok().bodyValue(report));
    }

    Mono<ServerResponse> receipt(ServerRequest request) {
        PlatformCredentials platform = platform(request);
        String id = request.pathVariable("receiptId");
        return store.findReceiptBody(id, platform.code())
                .switchIfEmpty(Mono.error(() ->
                        ProblemType.NOT_FOUND.exception("No receipt " + id + " of platform " + platform.code() + ".")))
                .flatMap(body -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body));
    }

    Mono<ServerResponse> records(ServerRequest request) {
        PlatformCredentials platform = platform(request);
        String dataset = request.queryParam("dataset")
                .orElseThrow(() -> ProblemType.INVALID_REQUEST.exception("Query parameter dataset is required."));
        String dataKey = request.queryParam("dataKey")
                .orElseThrow(() -> ProblemType.INVALID_REQUEST.exception("Query parameter dataKey is required."));
        return store.versions(platform.code(), dataset, dataKey)
                .collectList()
                .flatMap(versions -> versions.isEmpty()
                        ? Mono.error(ProblemType.NOT_FOUND.exception(
                                "No record " + dataKey + " of data set " + dataset + " from this platform."))
                        : ServerResponse.ok()
                                .bodyValue(Map.of(
                                        "platformCode", platform.code(),
                                        "dataset", dataset,
                                        "dataKey", dataKey,
                                        "currentVersion",
                                                versions.stream()
                                                        .filter(v -> v.version() != null)
                                                        .mapToInt(v -> v.version())
                                                        .max()
                                                        .orElse(0),
                                        "versions", versions)));
    }

    private PushService.PushRequest pushRequest(ServerRequest request) {
        PlatformCredentials platform = platform(request);
        Dataset dataset = dataset(request, platform);
        SignatureMethod method = request.attribute(EdgeAttributes.SIGNATURE_METHOD)
                .map(SignatureMethod.class::cast)
                .orElse(SignatureMethod.HMAC_SHA256);
        return new PushService.PushRequest(
                platform,
                method,
                dataset,
                EdgeAttributes.rawBody(request.exchange()),
                EdgeAttributes.bodyDigest(request.exchange(), method),
                ndjson(request),
                RequestIds.of(request.exchange()));
    }

    private static PlatformCredentials platform(ServerRequest request) {
        return request.attribute(EdgeAttributes.PLATFORM)
                .map(PlatformCredentials.class::cast)
                .orElseThrow(() -> ProblemType.NOT_FOUND.exception("No resource at this path."));
    }

    private Dataset dataset(ServerRequest request, PlatformCredentials platform) {
        String id = request.pathVariable("dataset");
        Dataset dataset = catalog.find(id)
                .orElseThrow(() -> ProblemType.DATASET_UNKNOWN.exception(
                        "No data set '" + id + "' in the catalogue; GET /api/v1/datasets lists them."));
        if (!platform.mayPush(id)) {
            throw ProblemType.DATASET_NOT_ALLOWED.exception(
                    "Platform " + platform.code() + " is not registered for data set " + id + ".");
        }
        return dataset;
    }

    /** Whether the body is NDJSON; a {@code Content-Type} that is neither JSON nor NDJSON, or not one at all, is 415. */
    static boolean ndjson(ServerRequest request) {
        MediaType type;
        try {
            type = request.headers().contentType().orElse(MediaType.APPLICATION_JSON);
        } catch (InvalidMediaTypeException e) {
            throw ProblemType.UNSUPPORTED_MEDIA_TYPE.exception(
                    "Content-Type is not a media type; send application/json or application/x-ndjson.");
        }
        if (NDJSON.isCompatibleWith(type)) {
            return true;
        }
        if (MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
            return false;
        }
        throw ProblemType.UNSUPPORTED_MEDIA_TYPE.exception(
                "Send application/json (one record or an array) or application/x-ndjson, not " + type + ".");
    }

    private static String outcomeOf(Throwable e) {
        return e instanceof org.ggzy.sgw.gateway.web.ProblemException p
                ? Integer.toString(p.type().status().value())
                : "500";
    }
}
