package org.mash.platform.problem;

/**
 * The bounds every list's {@code page} and {@code size} parameters share, so that {@code page * size} (the row
 * offset) always fits: a page past the end answers an empty list, a page beyond these bounds a 400 naming it.
 */
public final class Paging {

    /** The highest page number any list accepts ({@code @Max(Paging.MAX_PAGE)}). */
    public static final long MAX_PAGE = 100_000;

    private Paging() {
    }
}
