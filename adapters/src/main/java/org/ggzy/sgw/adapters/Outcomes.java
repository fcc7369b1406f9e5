package org.ggzy.sgw.adapters;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * What an attempt came to, from the destination's answer or from the failure: 2xx is delivered; 408, 429, 5xx, a
 * timeout, a refused, reset or dropped connection are worth another attempt (the destination may or may not have it);
 * other answers are refusals. Causes never quote what was sent, only what the destination answered.
 */
final class Outcomes {

    private static final int MAX_CAUSE = 300;

    private Outcomes() {}

    /** Route step: the outcome of the HTTP answer in the message, as the message body. */
    static void fromResponse(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String body = exchange.getMessage().getBody(String.class);
        exchange.getMessage().setBody(forStatus(status == null ? 0 : status, body));
    }

    /** Route step: the outcome of the failure the error handler caught, as the message body. */
    static void fromFailure(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.getMessage().setBody(forFailure(failure));
    }

    static DeliveryResult forStatus(int status, String body) {
        if (status >= 200 && status < 300) {
            return DeliveryResult.delivered(status);
        }
        String cause = truncate("HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body.strip()));
        if (status == 408 || status == 429 || status >= 500 || status < 100) {
            return DeliveryResult.retry(cause, status);
        }
        return DeliveryResult.refused(cause, status);
    }

    static DeliveryResult forFailure(Throwable failure) {
        if (failure == null) {
            return DeliveryResult.retry("failed without a cause", null);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UndeliverableException
                    || t instanceof RecordTooLargeException
                    || t instanceof InvalidTopicException) {
                return DeliveryResult.refused(describe(t), null);
            }
        }
        return DeliveryResult.retry(describe(failure), null);
    }

    /** A short cause: the kind of failure and its message. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String kind;
        if (isTimeout(failure) || isTimeout(root)) {
            kind = "timeout";
        } else if (root instanceof ConnectException) {
            kind = "connection refused";
        } else if (root instanceof SocketException) {
            kind = String.valueOf(root.getMessage()).toLowerCase(Locale.ROOT).contains("reset")
                    ? "connection reset"
                    : "connection error";
        } else if (root.getClass().getSimpleName().contains("Closed")) {
            kind = "connection closed";
        } else if (root instanceof RejectedExecutionException) {
            kind = "busy";
        } else if (failure instanceof UndeliverableException) {
            kind = "undeliverable";
        } else {
            kind = root.getClass().getSimpleName();
        }
        String message = root.getMessage();
        return truncate(message == null || message.isBlank() ? kind : kind + ": " + message);
    }

    private static boolean isTimeout(Throwable t) {
        return t instanceof TimeoutException
                || t instanceof org.apache.kafka.common.errors.TimeoutException
                || t.getClass().getSimpleName().contains("Timeout");
    }

    private static String truncate(String cause) {
        return cause.length() <= MAX_CAUSE ? cause : cause.substring(0, MAX_CAUSE - 1) + "…";
    }
}
