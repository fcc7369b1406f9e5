package org.ggzy.sgw.gateway.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every client-visible error type, with its stable URI ({@code https://ggzy.org/problems/<slug>}), HTTP status and
 * title. The README's problem-type table and {@code contracts/problems.json} list the same set.
 */
public enum ProblemType {
    MALFORMED_JSON("malformed-json", HttpStatus.BAD_REQUEST, "Body is not valid JSON"),
    DUPLICATE_KEY("duplicate-key", HttpStatus.BAD_REQUEST, "Duplicate key in a JSON object"),
    NESTING_TOO_DEEP("nesting-too-deep", HttpStatus.BAD_REQUEST, "JSON nested too deeply"),
    STRING_TOO_LONG("string-too-long", HttpStatus.BAD_REQUEST, "JSON string too long"),
    EMPTY_BODY("empty-body", HttpStatus.BAD_REQUEST, "No record in the body"),
    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large"),
    TOO_MANY_RECORDS("too-many-records", HttpStatus.PAYLOAD_TOO_LARGE, "Too many records in one request"),
    CREDENTIALS_MISSING("credentials-missing", HttpStatus.UNAUTHORIZED, "Signature headers missing or malformed"),
    SIGNATURE_INVALID("signature-invalid", HttpStatus.UNAUTHORIZED, "Signature does not match"),
    TIMESTAMP_SKEW("timestamp-skew", HttpStatus.UNAUTHORIZED, "Timestamp outside the allowed window"),
    NONCE_REPLAYED("nonce-replayed", HttpStatus.UNAUTHORIZED, "Nonce already used"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required"),
    INVALID_CREDENTIALS("invalid-credentials", HttpStatus.UNAUTHORIZED, "Wrong user name or password"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed"),
    PASSWORD_EXPIRED("password-expired", HttpStatus.FORBIDDEN, "Password expired"),
    DATASET_NOT_ALLOWED("dataset-not-allowed", HttpStatus.FORBIDDEN, "Data set not allowed for this platform"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    DATASET_UNKNOWN("dataset-unknown", HttpStatus.NOT_FOUND, "Unknown data set"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflicts with the current state"),
    TRANSITION_FORBIDDEN(
            "transition-forbidden", HttpStatus.CONFLICT, "Transition not allowed by the warning lifecycle"),
    ALL_RECORDS_REJECTED("all-records-rejected", HttpStatus.UNPROCESSABLE_ENTITY, "No record was accepted"),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    LOGIN_THROTTLED("login-throttled", HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    NONCE_STORE_UNAVAILABLE("nonce-store-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Replay protection unavailable"),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    STORAGE_UNAVAILABLE("storage-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Storage unavailable");

    public static final String BASE = "https://ggzy.org/problems/";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public ProblemException exception(String detail) {
        return new ProblemException(this, detail);
    }
}
