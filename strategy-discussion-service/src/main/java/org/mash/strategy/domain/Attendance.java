package org.mash.strategy.domain;

/** How one agency took part in a held discussion. */
public enum Attendance {
    ATTENDED, SENT_INFORMATION, DECLINED, NO_RESPONSE
}
