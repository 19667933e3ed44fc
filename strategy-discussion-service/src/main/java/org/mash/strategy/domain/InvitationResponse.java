package org.mash.strategy.domain;

/**
 * An invited agency's answer to the invitation. {@link #PENDING} until someone records the answer: the agency's
 * own participant, or MASH staff on its behalf (e.g. {@link #NO_RESPONSE} after chasing it).
 */
public enum InvitationResponse {
    PENDING, ACCEPTED, DECLINED, NO_RESPONSE;

    /** An answer that can be recorded (not {@link #PENDING}). */
    public boolean isAnswer() {
        return this != PENDING;
    }

    /** The answer implied by how an agency that was not invited beforehand took part in the held discussion. */
    public static InvitationResponse impliedBy(Attendance attendance) {
        return switch (attendance) {
            case ATTENDED, SENT_INFORMATION -> ACCEPTED;
            case DECLINED -> DECLINED;
            case NO_RESPONSE -> NO_RESPONSE;
        };
    }
}
