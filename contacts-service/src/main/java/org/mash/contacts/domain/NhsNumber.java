package org.mash.contacts.domain;

/** NHS number: ten digits, the last a modulus 11 check digit (NHS Data Dictionary). Spaces are allowed in input. */
public final class NhsNumber {

    private NhsNumber() {
    }

    public static String normalise(String value) {
        return value == null ? null : value.replace(" ", "").replace("-", "");
    }

    public static boolean isValid(String value) {
        String digits = normalise(value);
        if (digits == null || !digits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
