package org.ggzy.sgw.gateway.warning;

import org.ggzy.sgw.gateway.rules.Finding;

/**
 * A finding about a subject, ready to be raised as a warning.
 *
 * @param finding what was found
 * @param tradeType {@code gcjs} or {@code zfcg}
 * @param projectCode the tender or purchase project
 * @param sectionCode the section, or {@code ""} for the project itself
 * @param platformCode the platform whose data it concerns
 * @param regionCode the region whose regulators see it
 * @param expectationId the expectation it breaches, if any
 */
public record WarningDraft(
        Finding finding,
        String tradeType,
        String projectCode,
        String sectionCode,
        String platformCode,
        String regionCode,
        String expectationId) {

    /** {@code rule + subject + discriminator} (rules.md). */
    public String fingerprint() {
        return fingerprint(finding.rule(), tradeType, projectCode, sectionCode, finding.discriminator());
    }

    public static String fingerprint(
            String rule, String tradeType, String project, String section, String discriminator) {
        return String.join("|", rule, tradeType, project, section, discriminator);
    }
}
