package org.ggzy.sgw.adapters;

/**
 * What one attempt came to.
 *
 * @param status {@code DELIVERED}; {@code RETRY} (the destination may not have it: down, timeout, 5xx, breaker
 *     open); or {@code REFUSED} (the destination answered that it will never take it: 4xx other than 408/429)
 * @param cause why it was not delivered ({@code null} when delivered)
 * @param httpStatus the destination's HTTP status, when there was one
 */
public record DeliveryResult(Status status, String cause, Integer httpStatus) {

    public enum Status {
        DELIVERED,
        RETRY,
        REFUSED
    }

    public static DeliveryResult delivered(Integer httpStatus) {
        return new DeliveryResult(Status.DELIVERED, null, httpStatus);
    }

    public static DeliveryResult retry(String cause, Integer httpStatus) {
        return new DeliveryResult(Status.RETRY, cause, httpStatus);
    }

    public static DeliveryResult refused(String cause, Integer httpStatus) {
        return new DeliveryResult(Status.REFUSED, cause, httpStatus);
    }
}
