package org.innofund.subsidy.application;

/** How a run's lines may be sorted (each then by position, so that a page is stable). */
public enum LineOrder {
    /** The order the candidates were gathered. */
    POSITION("position", false),
    NAME("name", false),
    USCC("uscc", false),
    AMOUNT_DESC("amount", true),
    AMOUNT_ASC("amount", false),
    /** Eligible ones first. */
    ELIGIBLE("eligible", true);

    private final String attribute;
    private final boolean descending;

    LineOrder(String attribute, boolean descending) {
        this.attribute = attribute;
        this.descending = descending;
    }

    /** The JPQL order of lines {@code l}. */
    String jpql() {
        return "l." + attribute + (descending ? " desc" : "") + (this == POSITION ? "" : ", l.position");
    }
}
