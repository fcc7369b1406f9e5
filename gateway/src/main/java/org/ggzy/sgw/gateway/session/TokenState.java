package org.ggzy.sgw.gateway.session;

import java.time.Instant;

/**
 * What decides whether a user's tokens are still good.
 *
 * @param version the user's token version: a token carrying another one is refused
 * @param enabled whether the account is enabled
 * @param passwordChangedAt when the password was last set (for its maximum age)
 */
public record TokenState(long version, boolean enabled, Instant passwordChangedAt) {}
