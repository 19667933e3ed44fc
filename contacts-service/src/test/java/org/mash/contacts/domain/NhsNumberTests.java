package org.mash.contacts.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTests {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "943 476 5919", "943-476-5919", "4010232137"})
    void acceptsNumbersWithAValidCheckDigit(String number) {
        assertTrue(NhsNumber.isValid(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "943476591", "94347659190", "abcdefghij", "", "1000000010"})
    void rejectsWrongCheckDigitLengthOrCharacters(String number) {
        assertFalse(NhsNumber.isValid(number));
    }
}
