package org.ggzy.sgw.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordPolicyTest {

    final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
    final PasswordPolicy policy = new PasswordPolicy(new PasswordProperties(12, 3, Duration.ofDays(90)), encoder);

    @Test
    void shouldAcceptALongPasswordOfThreeClasses() {
        assertThat(policy.violations("fz.reg", "Fuzhou-Regulator-7", null)).isEmpty();
        assertThat(policy.violations("fz.reg", "correct-horse-battery-9", null)).isEmpty();
    }

    @Test
    void shouldListEveryRuleAPasswordBreaks() {
        assertThat(policy.violations("admin", "admin", null))
                .containsExactly(
                        "password: at least 12 characters",
                        "password: at least 3 of upper case, lower case, digits and other characters",
                        "password: must not contain the user name");
    }

    @Test
    void shouldRefuseTwoClassesEvenWhenLong() {
        assertThat(policy.violations("sysadmin", "it-admin-password", null))
                .containsExactly("password: at least 3 of upper case, lower case, digits and other characters");
    }

    @Test
    void shouldRefuseTheUserNameInAnyCase() {
        assertThat(policy.violations("Fz.Reg", "x-FZ.REG-2026-x", null))
                .containsExactly("password: must not contain the user name");
    }

    @Test
    void shouldRefuseThePasswordItWouldReplace() {
        String hash = encoder.encode("Fuzhou-Regulator-7");
        assertThat(policy.violations("fz.reg", "Fuzhou-Regulator-7", hash))
                .containsExactly("password: must differ from the current password");
        assertThat(policy.violations("fz.reg", "Fuzhou-Regulator-8", hash)).isEmpty();
    }

    @Test
    void shouldRequireAPassword() {
        assertThat(policy.violations("fz.reg", null, null)).containsExactly("password: required");
    }
}
