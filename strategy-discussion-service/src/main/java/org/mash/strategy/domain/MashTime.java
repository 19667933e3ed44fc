package org.mash.strategy.domain;

import java.time.ZoneId;

/** Days and deadlines are judged on the local calendar of the MASH. */
public final class MashTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private MashTime() {
    }
}
