package org.ggzy.sgw.gateway.ownership;

import java.time.Instant;
import java.util.List;

/** Who owns a project and which other platforms may push its records, as the administration API shows it. */
record OwnershipView(
        String tradeType,
        String projectCode,
        String owner,
        Instant ownedSince,
        Instant updatedAt,
        List<CoPlatform> coPlatforms) {

    OwnershipView withCoPlatforms(List<CoPlatform> grants) {
        return new OwnershipView(tradeType, projectCode, owner, ownedSince, updatedAt, List.copyOf(grants));
    }

    /** A platform allowed to push records of the project besides its owner. */
    record CoPlatform(String platformCode, String reason, String grantedBy, Instant grantedAt) {}
}
