package org.ggzy.sgw.gateway.lifecycle;

/** What one scan did: warnings raised for missed deadlines, severities upgraded, warnings escalated. */
public record ScanResult(int raised, int upgraded, int escalated) {

    ScanResult plus(ScanResult other) {
        return new ScanResult(raised + other.raised, upgraded + other.upgraded, escalated + other.escalated);
    }
}
