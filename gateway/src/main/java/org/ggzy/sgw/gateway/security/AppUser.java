package org.ggzy.sgw.gateway.security;

import java.util.List;

/** A person's account: roles and, for regulators, the regions and trade types they may see. */
public record AppUser(
        String username,
        String passwordHash,
        List<String> roles,
        List<String> regionCodes,
        List<String> tradeTypes,
        boolean enabled) {}
