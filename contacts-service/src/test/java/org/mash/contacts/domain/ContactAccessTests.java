package org.mash.contacts.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactAccessTests {

    @Test
    void aReferrerSeesOnlyTheirOwnAgencysContacts() {
        assertTrue(ContactAccess.maySee(Set.of("referrer"), "police", "police"));
        assertFalse(ContactAccess.maySee(Set.of("referrer"), "education", "police"));
        assertEquals("police", ContactAccess.listScope(Set.of("referrer"), "police"));
    }

    @Test
    void mashStaffSeeEveryContact() {
        assertTrue(ContactAccess.maySee(Set.of("mash-practitioner"), "mash", "police"));
        assertTrue(ContactAccess.maySee(Set.of("mash-manager"), "mash", "education"));
        assertNull(ContactAccess.listScope(Set.of("mash-manager"), "mash"));
    }

    @Test
    void otherRolesSeeNoContact() {
        assertFalse(ContactAccess.maySee(Set.of("analyst"), "police", "police"));
        assertFalse(ContactAccess.maySee(Set.of("partner-officer"), "police", "police"));
    }

    @Test
    void statusNeverGoesBack() {
        assertEquals(ContactStatus.DECIDED, Timeline.advance(ContactStatus.DECIDED, ContactStatus.IN_TRIAGE));
        assertEquals(ContactStatus.IN_TRIAGE, Timeline.advance(ContactStatus.RECEIVED, ContactStatus.IN_TRIAGE));
    }
}
