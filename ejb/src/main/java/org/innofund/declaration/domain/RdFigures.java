package org.innofund.declaration.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.math.BigDecimal;

/** The R&D figures of an RD_INVESTMENT declaration for year Y (SUBSIDY-RULES.md, kind 2). Any may be missing in a draft. */
@Embeddable
public class RdFigures implements Serializable {

    private static final long serialVersionUID = 1L;

    /** R&D expense on the tax super-deduction base (加计扣除口径). */
    @Column(name = "rd_expense_tax", precision = 16, scale = 2)
    private BigDecimal expenseTax;

    /** R&D expense on the statistics report (统计口径). */
    @Column(name = "rd_expense_stat", precision = 16, scale = 2)
    private BigDecimal expenseStat;

    /** The same figure for Y-1 (E0). */
    @Column(name = "rd_expense_prior", precision = 16, scale = 2)
    private BigDecimal expensePrior;

    @Column(name = "revenue", precision = 16, scale = 2)
    private BigDecimal revenue;

    @Column(name = "valid_invention_patents")
    private Integer validInventionPatents;

    @Column(name = "invention_applications")
    private Integer inventionApplications;

    @Column(name = "rd_staff")
    private Integer rdStaff;

    @Column(name = "total_staff")
    private Integer totalStaff;

    protected RdFigures() {
    }

    public RdFigures(BigDecimal expenseTax, BigDecimal expenseStat, BigDecimal expensePrior, BigDecimal revenue,
                     Integer validInventionPatents, Integer inventionApplications, Integer rdStaff, Integer totalStaff) {
        this.expenseTax = expenseTax;
        this.expenseStat = expenseStat;
        this.expensePrior = expensePrior;
        this.revenue = revenue;
        this.validInventionPatents = validInventionPatents;
        this.inventionApplications = inventionApplications;
        this.rdStaff = rdStaff;
        this.totalStaff = totalStaff;
    }

    public static RdFigures empty() {
        return new RdFigures();
    }

    /** E1 = min(E_tax, E_stat): the lower of the two sources; null while either is missing. */
    public BigDecimal lowerExpense() {
        return expenseTax == null || expenseStat == null ? null : expenseTax.min(expenseStat);
    }

    public BigDecimal getExpenseTax() {
        return expenseTax;
    }

    public BigDecimal getExpenseStat() {
        return expenseStat;
    }

    public BigDecimal getExpensePrior() {
        return expensePrior;
    }

    public BigDecimal getRevenue() {
        return revenue;
    }

    public Integer getValidInventionPatents() {
        return validInventionPatents;
    }

    public Integer getInventionApplications() {
        return inventionApplications;
    }

    public Integer getRdStaff() {
        return rdStaff;
    }

    public Integer getTotalStaff() {
        return totalStaff;
    }
}
