package org.mash.platform.codes;

import java.util.Optional;

/**
 * A unique pupil number (UPN), as the Children in Need census checks it (DfE rules 1510, 1530, 1540, 1550): 13
 * characters; the first a check letter; 2-4 the DfE number of the local authority that issued it (one of the numbers
 * rule 1530 accepts); 5-12 digits; the 13th a digit, or a letter other than I, O and S for a temporary UPN. The check
 * letter: each character in position n (2 to 13) times n (a letter in position 13 counts as its place in
 * {@link #LETTERS}), the 12 products added, divided by 23: the remainder's letter in {@link #LETTERS}.
 *
 * <p>One check for the whole system: the contacts service refuses a contact whose UPN breaks it, the census export
 * checks every UPN it writes again.
 */
public final class Upn {

    /** The 23 letters a check letter (or a temporary UPN's last character) can be: no I, O or S. */
    static final String LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /** Local authority numbers rule 1530 accepts, as inclusive ranges. */
    private static final int[][] LA_NUMBERS = {
            {1, 5}, {201, 213}, {301, 320}, {330, 336}, {340, 344}, {350, 359}, {370, 373}, {380, 384}, {390, 394},
            {420, 420}, {660, 681}, {701, 708}, {800, 803}, {805, 808}, {810, 813}, {815, 816}, {820, 823}, {825, 826},
            {830, 831}, {835, 841}, {845, 846}, {850, 852}, {855, 857}, {860, 861}, {865, 896}, {908, 909}, {916, 916},
            {919, 919}, {921, 921}, {925, 926}, {928, 929}, {931, 931}, {933, 933}, {935, 938}, {940, 943}};

    private Upn() {
    }

    /** A broken rule: its short name, the census rule's number, and what it says to a person. */
    public record Fault(String rule, String censusRule, String message) {
    }

    /** Why {@code upn} is not a valid UPN (the rule broken and what it says), or empty when it is one. */
    public static Optional<Fault> check(String upn) {
        if (upn.length() != 13) {
            return Optional.of(new Fault("upn-length", "1510", "a UPN has 13 characters, not " + upn.length()));
        }
        for (int i = 4; i < 12; i++) {
            if (upn.charAt(i) < '0' || upn.charAt(i) > '9') {
                return Optional.of(new Fault("upn-digits", "1540", "characters 5 to 12 of a UPN are digits (rule 1540)"));
            }
        }
        char last = upn.charAt(12);
        if (!(last >= '0' && last <= '9') && LETTERS.indexOf(last) < 0) {
            return Optional.of(new Fault("upn-last-character", "1550",
                    "the 13th character of a UPN is a digit, or a capital letter other than I, O and S (rule 1550)"));
        }
        String la = upn.substring(1, 4);
        if (!la.chars().allMatch(c -> c >= '0' && c <= '9') || !knownLocalAuthority(Integer.parseInt(la))) {
            return Optional.of(new Fault("upn-local-authority", "1530",
                    "characters 2 to 4 of a UPN are the number of the local authority that issued it; '" + la
                            + "' is not one (rule 1530)"));
        }
        char expected = checkLetter(upn.substring(1));
        if (upn.charAt(0) != expected) {
            return Optional.of(new Fault("upn-check-letter", "1510",
                    "the check letter of this UPN is " + expected + ", not " + upn.charAt(0) + " (rule 1510): is a character mistyped?"));
        }
        return Optional.empty();
    }

    /** The check letter for characters 2 to 13 of a UPN. */
    public static char checkLetter(String rest) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            char c = rest.charAt(i);
            int value = c >= '0' && c <= '9' ? c - '0' : LETTERS.indexOf(c);
            sum += value * (i + 2);
        }
        return LETTERS.charAt(sum % 23);
    }

    public static boolean knownLocalAuthority(int number) {
        for (int[] range : LA_NUMBERS) {
            if (number >= range[0] && number <= range[1]) {
                return true;
            }
        }
        return false;
    }
}
