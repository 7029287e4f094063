package org.innofund.declaration.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.io.Serializable;
import java.math.BigDecimal;

/** One line of a project budget: a category, a source of money and an amount in yuan. */
@Embeddable
public class BudgetLine implements Serializable {

    private static final long serialVersionUID = 1L;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private BudgetCategory category;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private FundingSource source;

    @Column(precision = 16, scale = 2)
    private BigDecimal amount;

    protected BudgetLine() {
    }

    public BudgetLine(BudgetCategory category, FundingSource source, BigDecimal amount) {
        this.category = category;
        this.source = source;
        this.amount = amount;
    }

    public BudgetCategory getCategory() {
        return category;
    }

    public FundingSource getSource() {
        return source;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}
