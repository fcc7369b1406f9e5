package org.ggzy.sgw.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountPolicyTest {

    static AppUser account(String name, String... roles) {
        return new AppUser(name, "hash", List.of(roles), List.of("350100"), List.of(), true);
    }

    @Nested
    class Create {

        @Test
        void shouldAllowARegulator() {
            assertThat(AccountPolicy.refuseCreate("secadmin", account("fz", Roles.REGULATOR)))
                    .isEmpty();
        }

        @Test
        void shouldRefuseEveryAdministratorRole() {
            for (String role : List.of(Roles.SYSADMIN, Roles.SECADMIN, Roles.AUDITOR)) {
                assertThat(AccountPolicy.refuseCreate("secadmin", account("x", role)))
                        .as(role)
                        .isPresent();
                assertThat(AccountPolicy.refuseCreate("secadmin", account("x", Roles.REGULATOR, role)))
                        .as(role)
                        .isPresent();
            }
        }
    }

    @Nested
    class Update {

        @Test
        void shouldAllowChangingARegulator() {
            assertThat(AccountPolicy.refuseUpdate(
                            "secadmin", account("fz", Roles.REGULATOR), account("fz", Roles.REGULATOR)))
                    .isEmpty();
        }

        @Test
        void shouldRefuseChangingOnesOwnAccount() {
            assertThat(AccountPolicy.refuseUpdate(
                            "secadmin", account("secadmin", Roles.SECADMIN), account("secadmin", Roles.REGULATOR)))
                    .isPresent();
            assertThat(AccountPolicy.refuseUpdate("fz", account("fz", Roles.REGULATOR), account("fz", Roles.REGULATOR)))
                    .isPresent();
        }

        @Test
        void shouldRefuseTouchingAnAdministratorAccount() {
            AppUser auditor = account("auditor", Roles.AUDITOR);
            AppUser disabled = new AppUser("auditor", "hash", auditor.roles(), List.of(), List.of(), false);

            assertThat(AccountPolicy.refuseUpdate("secadmin", auditor, disabled))
                    .isPresent();
            assertThat(AccountPolicy.refuseUpdate(
                            "secadmin", account("sysadmin", Roles.SYSADMIN), account("sysadmin", Roles.REGULATOR)))
                    .isPresent();
        }

        @Test
        void shouldRefuseGrantingAnAdministratorRole() {
            assertThat(AccountPolicy.refuseUpdate(
                            "secadmin", account("fz", Roles.REGULATOR), account("fz", Roles.SYSADMIN)))
                    .isPresent();
        }
    }
}
