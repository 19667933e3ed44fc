package org.mash.strategy.domain;

/**
 * A recorded decision is never changed: a later decision supersedes it, with who and why, and both stay on
 * record. What that means for the child's section 47 enquiry:
 * <ul>
 *   <li>a section 47 decision replacing one that was not starts an enquiry, on the date of the later decision;</li>
 *   <li>a decision that is not section 47 replacing one that was withdraws the enquiry, unless it was already
 *       concluded (an enquiry that happened stays on record);</li>
 *   <li>section 47 replacing section 47 keeps the enquiry (single agency or joint as now decided).</li>
 * </ul>
 */
public final class Supersession {

    public enum EnquiryEffect { START, WITHDRAW, KEEP, NONE }

    private Supersession() {
    }

    public static EnquiryEffect effect(Outcome previous, Outcome next, boolean enquiryActive, boolean enquiryConcluded) {
        if (next.startsSection47()) {
            return enquiryActive ? EnquiryEffect.KEEP : EnquiryEffect.START;
        }
        return enquiryActive && !enquiryConcluded ? EnquiryEffect.WITHDRAW : EnquiryEffect.NONE;
    }

    /** Only the current decision (not itself superseded) can be superseded. */
    public static boolean maySupersede(boolean alreadySuperseded) {
        return !alreadySuperseded;
    }
}
