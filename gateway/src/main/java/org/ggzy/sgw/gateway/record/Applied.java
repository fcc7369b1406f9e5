package org.ggzy.sgw.gateway.record;

/**
 * The outcome of storing one record.
 *
 * @param index position in the request
 * @param status {@code ACCEPTED}, {@code DUPLICATE}, {@code STALE}, or {@code REJECTED} for a version conflict
 * @param version the record's version after this push (the stored head's for duplicates); {@code null} for stale and
 *     rejected records
 * @param recordId id of the stored row ({@code null} unless accepted or stale)
 */
public record Applied(int index, RecordStatus status, Integer version, String recordId) {

    public boolean versionConflict() {
        return status == RecordStatus.REJECTED;
    }
}
