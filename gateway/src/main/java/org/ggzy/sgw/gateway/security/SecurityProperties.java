package org.ggzy.sgw.gateway.security;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Keys and accounts.
 *
 * @param masterKey Base64 of 32 random bytes (AES-256) that encrypts platform secrets and derives the token
 *     signing key; set it through the environment ({@code SGW_MASTER_KEY}), never in a file under version control
 * @param masterKeyFile where the embedded default keeps a generated master key when none is configured
 * @param requireMasterKey refuse to start without a configured master key (the production profiles set it)
 * @param tokenTtl lifetime of the access tokens {@code POST /api/v1/auth/token} issues
 * @param adminPassword initial password of {@code sysadmin} ({@code SGW_BOOTSTRAP_ADMIN_PASSWORD}); generated when empty
 * @param secadminPassword initial password of {@code secadmin} ({@code SGW_BOOTSTRAP_SECADMIN_PASSWORD})
 * @param auditorPassword initial password of {@code auditor} ({@code SGW_BOOTSTRAP_AUDITOR_PASSWORD})
 */
@Validated
@ConfigurationProperties("sgw.security")
public record SecurityProperties(
        String masterKey,
        @NotNull @DefaultValue("data/master.key") Path masterKeyFile,
        @DefaultValue("false") boolean requireMasterKey,
        @NotNull @DefaultValue("1h") Duration tokenTtl,
        String adminPassword,
        String secadminPassword,
        String auditorPassword) {}
