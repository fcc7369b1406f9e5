package org.ggzy.sgw.adapters;

/** A delivery that no attempt can ever deliver (no recipient, no trade type, ...): its outcome is {@code REFUSED}. */
class UndeliverableException extends RuntimeException {

    UndeliverableException(String message) {
        super(message, null, false, false);
    }
}
