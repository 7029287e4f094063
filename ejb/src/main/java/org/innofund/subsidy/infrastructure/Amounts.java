package org.innofund.subsidy.infrastructure;

import org.innofund.shared.Money;

import java.math.BigDecimal;

/** A money column read in a projection or summed: EclipseLink gives the converted Money or the column's BigDecimal. */
public final class Amounts {

    private Amounts() {
    }

    public static Money money(Object column) {
        return column == null ? null : column instanceof Money m ? m : Money.of((BigDecimal) column);
    }
}
