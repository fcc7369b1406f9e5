package org.ggzy.sgw.gateway.ownership;

import java.nio.file.Path;
import org.ggzy.sgw.gateway.support.EmbeddedDefault;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link OwnershipChecks} on the embedded default (H2 in a file, in-process nonces and rate limits). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sgw.security.admin-password=" + EmbeddedOwnershipIT.ADMIN,
            "sgw.security.secadmin-password=" + EmbeddedOwnershipIT.SECADMIN,
            "sgw.security.auditor-password=" + EmbeddedOwnershipIT.AUDITOR,
            "sgw.scanner.enabled=false"
        })
class EmbeddedOwnershipIT extends OwnershipChecks {

    static final String ADMIN = "Embedded-Admin-Pass-2026!";
    static final String SECADMIN = "Embedded-Secadmin-Pass-2026!";
    static final String AUDITOR = "Embedded-Auditor-Pass-2026!";

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        EmbeddedDefault.in(data, registry);
    }

    @Override
    String adminPassword() {
        return ADMIN;
    }

    @Override
    String auditorPassword() {
        return AUDITOR;
    }

    @Override
    String secadminPassword() {
        return SECADMIN;
    }
}
