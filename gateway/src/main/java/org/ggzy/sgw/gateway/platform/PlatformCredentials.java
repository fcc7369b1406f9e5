package org.ggzy.sgw.gateway.platform;

import java.util.List;
import java.util.Set;

/**
 * What the edge needs to authenticate a platform: whether it is enabled, the data sets it may push, and the secrets
 * a signature may be made with (the current one first; the previous one while its rotation overlap lasts).
 */
public record PlatformCredentials(
        String code, String regionCode, boolean enabled, Set<String> datasets, List<String> secrets) {

    public PlatformCredentials {
        datasets = Set.copyOf(datasets);
        secrets = List.copyOf(secrets);
    }

    public boolean mayPush(String dataset) {
        return datasets.contains(dataset);
    }

    /** The secret receipts are signed with. */
    public String currentSecret() {
        return secrets.get(0);
    }

    @Override
    public String toString() {
        return "PlatformCredentials[" + code + ", enabled=" + enabled + ", datasets=" + datasets.size() + "]";
    }
}
