package org.ggzy.sgw.gateway.ownership;

import org.ggzy.sgw.gateway.support.PostgresAndRedis;

/** {@link OwnershipChecks} on PostgreSQL and Redis. */
@PostgresAndRedis
class OwnershipIT extends OwnershipChecks {

    @Override
    String adminPassword() {
        return "it-admin-password";
    }

    @Override
    String auditorPassword() {
        return "it-auditor-password";
    }

    @Override
    String secadminPassword() {
        return "it-secadmin-password";
    }
}
