package org.ggzy.sgw.gateway.web;

import org.ggzy.sgw.gateway.storage.StorageErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The one place errors become responses: {@link ProblemException}s as they are, framework exceptions mapped to
 * their problem type, anything else a generic {@code 500} with the stack trace logged (never shown).
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter writer;

    ProblemExceptionHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        ProblemException problem = toProblem(exchange, ex);
        if (problem.type().status().value() != 500) {
            log.atInfo()
                    .addKeyValue("requestId", RequestIds.of(exchange))
                    .addKeyValue("platformCode", platformCode(exchange))
                    .addKeyValue("problem", problem.type().slug())
                    .log(
                            "refused {} {}: {}",
                            exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath(),
                            problem.getMessage());
        }
        return writer.write(exchange, problem);
    }

    /** The claimed platform code, when it has the shape of one (never echo arbitrary header text into logs). */
    private static String platformCode(ServerWebExchange exchange) {
        String code = exchange.getRequest().getHeaders().getFirst("X-Platform-Code");
        return code != null && code.matches("^[0-9A-Z]{18}$") ? code : "";
    }

    private static ProblemException toProblem(ServerWebExchange exchange, Throwable ex) {
        if (ex instanceof ProblemException problem) {
            return problem;
        }
        if (ex instanceof DataBufferLimitException) {
            return ProblemType.PAYLOAD_TOO_LARGE.exception("The request body exceeds the size limit.");
        }
        if (ex instanceof UnsupportedMediaTypeStatusException e) {
            return ProblemType.UNSUPPORTED_MEDIA_TYPE.exception(e.getReason());
        }
        if (ex instanceof MethodNotAllowedException e) {
            return ProblemType.METHOD_NOT_ALLOWED.exception(e.getReason());
        }
        if (ex instanceof ServerWebInputException e) {
            return ProblemType.INVALID_REQUEST.exception(e.getReason());
        }
        if (ex instanceof ResponseStatusException e) {
            return fromStatus(e);
        }
        if (StorageErrors.busy(ex)) {
            log.atWarn()
                    .addKeyValue("requestId", RequestIds.of(exchange))
                    .log("no database connection: answering 503 ({})", ex.toString());
            return ProblemType.SERVICE_UNAVAILABLE
                    .exception("No database connection was available in time (the gateway is at capacity or its "
                            + "database is unreachable); nothing was stored. Send the request again after Retry-After "
                            + "seconds.")
                    .header(HttpHeaders.RETRY_AFTER, "1");
        }
        if (StorageErrors.unavailable(ex)) {
            log.atWarn()
                    .addKeyValue("requestId", RequestIds.of(exchange))
                    .log("storage unavailable: answering 503 ({})", rootCause(ex));
            return StorageErrors.problem();
        }
        log.atError()
                .addKeyValue("requestId", RequestIds.of(exchange))
                .setCause(ex)
                .log(
                        "unhandled error on {} {}",
                        exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath());
        return ProblemType.INTERNAL_ERROR.exception(
                "An internal error occurred; quote the request id when reporting it.");
    }

    private static String rootCause(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == ex ? ex.toString() : ex.getClass().getSimpleName() + " <- " + t;
    }

    private static ProblemException fromStatus(ResponseStatusException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        if (status == HttpStatus.NOT_FOUND) {
            return ProblemType.NOT_FOUND.exception("No resource at this path.");
        }
        if (status == HttpStatus.PAYLOAD_TOO_LARGE) {
            return ProblemType.PAYLOAD_TOO_LARGE.exception("The request body exceeds the size limit.");
        }
        if (status == HttpStatus.UNAUTHORIZED) {
            return ProblemType.UNAUTHORIZED.exception(e.getReason());
        }
        if (status == HttpStatus.FORBIDDEN) {
            return ProblemType.FORBIDDEN.exception(e.getReason());
        }
        if (status != null && status.is4xxClientError()) {
            return ProblemType.INVALID_REQUEST.exception(
                    e.getReason() == null ? status.getReasonPhrase() : e.getReason());
        }
        return ProblemType.SERVICE_UNAVAILABLE.exception(e.getReason() == null ? "Try again later." : e.getReason());
    }
}
