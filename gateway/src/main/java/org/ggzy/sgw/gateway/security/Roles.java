package org.ggzy.sgw.gateway.security;

/** The roles of people (platforms authenticate by signature and have none). */
public final class Roles {

    public static final String REGULATOR = "REGULATOR";
    public static final String SYSADMIN = "SYSADMIN";
    public static final String SECADMIN = "SECADMIN";
    public static final String AUDITOR = "AUDITOR";

    private Roles() {}
}
