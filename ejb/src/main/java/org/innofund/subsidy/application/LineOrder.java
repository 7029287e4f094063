package org.innofund.subsidy.application;

/** How a run's lines may be sorted (each then by position, so that a page is stable). */
public enum LineOrder {
    /** The order the candidates were gathered. */
    POSITION("l.position"),
    NAME("l.name"),
    USCC("l.uscc"),
    AMOUNT_DESC("l.amount desc"),
    AMOUNT_ASC("l.amount"),
    ELIGIBLE("l.eligible desc");

    final String jpql;

    LineOrder(String jpql) {
        this.jpql = jpql;
    }
}
