package org.mash.platform.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The census's UPN rules, each with a UPN that breaks it and one that does not (returns.md section 4). */
class UpnTests {

    static String rule(String upn) {
        return Upn.check(upn).map(Upn.Fault::rule).orElse("valid");
    }

    @Test
    void theCheckLetterIsWorkedOutAsTheDepartmentsExamplesShow() {
        assertEquals('M', Upn.checkLetter("201123424001"), "2·2+0·3+...+1·13 = 149, 149 mod 23 = 11: M");
        assertEquals('Y', Upn.checkLetter("20112342400A"), "a temporary UPN: A counts 0, 136 mod 23 = 21: Y");
        assertEquals("valid", rule("M201123424001"));
        assertEquals("valid", rule("Y20112342400A"));
        assertEquals("upn-check-letter", rule("N201123424001"), "rule 1510");
        assertTrue(Upn.check("N201123424001").orElseThrow().message().contains("is M, not N"));
    }

    @Test
    void eachPartOfAUpnIsCheckedWithItsRule() {
        assertEquals("upn-length", rule("M20112342400"));
        assertEquals("upn-digits", rule("M2011234X4001"), "rule 1540: characters 5-12 are digits");
        assertEquals("upn-last-character", rule("M20112342400I"), "rule 1550: not I, O or S");
        assertEquals("upn-last-character", rule("M20112342400a"), "a capital letter");
        assertEquals("upn-local-authority", rule("M999123424001"), "rule 1530: 999 issues no UPNs");
        assertTrue(Upn.knownLocalAuthority(201));
        assertTrue(Upn.knownLocalAuthority(943));
        assertFalse(Upn.knownLocalAuthority(214));
        assertFalse(Upn.knownLocalAuthority(0));
    }
}
