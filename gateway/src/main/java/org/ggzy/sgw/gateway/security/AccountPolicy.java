package org.ggzy.sgw.gateway.security;

import java.util.Optional;
import java.util.Set;

/**
 * What the account API lets its caller (the security administrator) do, 三员分立 (pure): create and change ordinary
 * accounts ({@code REGULATOR}) only. No one may, through the API, create, change, disable, re-password or grant one of
 * the three administrator roles, nor change their own account. The administrator accounts are changed by the
 * command-line procedure ({@code --sgw.admin.reset-password}, see the README).
 */
final class AccountPolicy {

    /** The roles the account API may give. */
    static final Set<String> ORDINARY_ROLES = Set.of(Roles.REGULATOR);

    static final Set<String> ADMIN_ROLES = Set.of(Roles.SYSADMIN, Roles.SECADMIN, Roles.AUDITOR);

    private AccountPolicy() {}

    /** Why {@code actor} may not create {@code user}, or empty when they may. */
    static Optional<String> refuseCreate(String actor, AppUser user) {
        if (user.username() != null && user.username().equals(actor)) {
            return Optional.of("No one may create or change their own account.");
        }
        return adminRoleGranted(user);
    }

    /** Why {@code actor} may not change {@code before} into {@code after}, or empty when they may. */
    static Optional<String> refuseUpdate(String actor, AppUser before, AppUser after) {
        if (before.username().equals(actor)) {
            return Optional.of("No one may create or change their own account.");
        }
        if (before.roles().stream().anyMatch(ADMIN_ROLES::contains)) {
            return Optional.of("The accounts of the three administrators (SYSADMIN, SECADMIN, AUDITOR) are not "
                    + "changed through this API; see the command-line procedure in the README.");
        }
        return adminRoleGranted(after);
    }

    private static Optional<String> adminRoleGranted(AppUser user) {
        return user.roles().stream().anyMatch(ADMIN_ROLES::contains)
                ? Optional.of("This API gives only the roles " + ORDINARY_ROLES
                        + "; administrator roles (SYSADMIN, SECADMIN, AUDITOR) are not granted through it.")
                : Optional.empty();
    }
}
