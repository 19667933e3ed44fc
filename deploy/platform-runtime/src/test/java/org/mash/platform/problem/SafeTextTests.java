package org.mash.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeTextTests {

    @Test
    void textWithTabsLineBreaksAndAnyScriptIsSafe() {
        assertTrue(SafeText.isSafe("Zoë O'Brien-Smith\n\tßİ 名前 😀\r\n"));
        assertTrue(SafeText.isSafe(""));
        assertTrue(SafeText.isSafe(null));
    }

    @Test
    void controlCharactersAndBrokenUnicodeAreNot() {
        assertFalse(SafeText.isSafe("Amira\u0000"));
        assertFalse(SafeText.isSafe("bell\u0007"));
        assertFalse(SafeText.isSafe("escape\u001B[31m"));
        assertFalse(SafeText.isSafe("delete\u007F"));
        assertFalse(SafeText.isSafe("lone high \uD83D"));
        assertFalse(SafeText.isSafe("lone low \uDE00 here"));
    }
}
