package org.mash.platform.problem;

/**
 * Text every store can hold: no control characters but tab, line feed and carriage return (PostgreSQL refuses NUL
 * outright; the others are never meant), and no broken UTF-16 (a lone surrogate, which encodes to nothing valid).
 * Applied to every string of every JSON body ({@link SafeTextModule}) and every query parameter and path
 * ({@link SafeRequestFilter}), so a request carrying one is a 400 naming the field, never a 500.
 */
public final class SafeText {

    public static final String RULE = "no-control-characters";
    public static final String MESSAGE = "must not contain control characters (such as NUL) or broken Unicode; "
            + "tabs and line breaks are allowed in text";

    private SafeText() {
    }

    public static boolean isSafe(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
