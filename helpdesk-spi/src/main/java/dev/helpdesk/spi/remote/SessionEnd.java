package dev.helpdesk.spi.remote;

/** Why a remote session ended. */
public enum SessionEnd {
    /** The agent ended it. */
    BY_AGENT,
    /** The customer revoked the consent while the session ran. */
    CONSENT_REVOKED,
    /** The consented duration ran out; the desk's due run ended it. */
    CONSENT_EXPIRED
}
