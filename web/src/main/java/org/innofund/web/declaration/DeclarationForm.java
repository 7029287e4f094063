package org.innofund.web.declaration;

import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.BudgetCategory;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.FundingSource;
import org.innofund.declaration.domain.ProjectField;
import org.innofund.declaration.domain.kind.FormSection;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The editor's form state: {@link DeclarationContent} is an immutable record, the inputs need properties to write
 * to. Only the sections the call's subsidy kind shows go back to the server; whether they are complete is the
 * business layer's to say.
 */
public class DeclarationForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String projectName;
    private ProjectField field;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    private String summary;
    private String keyIndicators;
    private BigDecimal totalBudget;
    private final List<BudgetRow> budgetLines = new ArrayList<>();
    private final RdRow rd = new RdRow();
    private final List<AchievementRow> achievements = new ArrayList<>();
    private final List<ServiceRow> services = new ArrayList<>();

    public static DeclarationForm of(DeclarationContent c) {
        DeclarationForm f = new DeclarationForm();
        f.projectName = c.projectName();
        f.field = c.field();
        f.periodStart = c.periodStart();
        f.periodEnd = c.periodEnd();
        f.summary = c.summary();
        f.keyIndicators = c.keyIndicators();
        f.totalBudget = c.totalBudget();
        c.budgetLines().forEach(l -> f.budgetLines.add(new BudgetRow(l.category(), l.source(), l.amount())));
        if (c.rdFigures() != null) {
            var r = c.rdFigures();
            f.rd.expenseTax = r.expenseTax();
            f.rd.expenseStat = r.expenseStat();
            f.rd.expensePrior = r.expensePrior();
            f.rd.revenue = r.revenue();
            f.rd.validInventionPatents = r.validInventionPatents();
            f.rd.inventionApplications = r.inventionApplications();
            f.rd.rdStaff = r.rdStaff();
            f.rd.totalStaff = r.totalStaff();
        }
        c.achievements().forEach(a -> f.achievements.add(new AchievementRow(a.achievement(), a.certificateNo(), a.recognisedOn())));
        c.serviceRecords().forEach(s -> f.services.add(
                new ServiceRow(s.providerName(), s.providerUscc(), s.invoiceNo(), s.invoiceDate(), s.amount())));
        return f;
    }

    /** The sections the page shows go to the server; the others are sent empty. */
    public DeclarationContent toContent(Set<FormSection> shown) {
        boolean project = shown.contains(FormSection.PROJECT);
        boolean budget = shown.contains(FormSection.BUDGET);
        return new DeclarationContent(projectName,
                project ? field : null,
                project ? periodStart : null,
                project ? periodEnd : null,
                summary, keyIndicators,
                budget ? totalBudget : null,
                budget ? budgetLines.stream().map(BudgetRow::data).toList() : List.of(),
                shown.contains(FormSection.RD_FIGURES) ? rd.data() : null,
                shown.contains(FormSection.ACHIEVEMENTS) ? achievements.stream().map(AchievementRow::data).toList() : List.of(),
                shown.contains(FormSection.SERVICE_RECORDS) ? services.stream().map(ServiceRow::data).toList() : List.of());
    }

    public void addBudgetLine() {
        budgetLines.add(new BudgetRow(null, FundingSource.SUBSIDY, null));
    }

    public void addAchievement() {
        achievements.add(new AchievementRow(null, null, null));
    }

    public void addService() {
        services.add(new ServiceRow(null, null, null, null, null));
    }

    public void removeBudgetLine(BudgetRow row) {
        budgetLines.remove(row);
    }

    public void removeAchievement(AchievementRow row) {
        achievements.remove(row);
    }

    public void removeService(ServiceRow row) {
        services.remove(row);
    }

    public String getProjectName() { return projectName; }
    public void setProjectName(String projectName) { this.projectName = projectName; }
    public ProjectField getField() { return field; }
    public void setField(ProjectField field) { this.field = field; }
    public LocalDate getPeriodStart() { return periodStart; }
    public void setPeriodStart(LocalDate periodStart) { this.periodStart = periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public void setPeriodEnd(LocalDate periodEnd) { this.periodEnd = periodEnd; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getKeyIndicators() { return keyIndicators; }
    public void setKeyIndicators(String keyIndicators) { this.keyIndicators = keyIndicators; }
    public BigDecimal getTotalBudget() { return totalBudget; }
    public void setTotalBudget(BigDecimal totalBudget) { this.totalBudget = totalBudget; }
    public List<BudgetRow> getBudgetLines() { return budgetLines; }
    public RdRow getRd() { return rd; }
    public List<AchievementRow> getAchievements() { return achievements; }
    public List<ServiceRow> getServices() { return services; }

    /** 预算明细一行 (the task agreement's editor has the same rows) */
    public static class BudgetRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private BudgetCategory category;
        private FundingSource source;
        private BigDecimal amount;

        public BudgetRow(BudgetCategory category, FundingSource source, BigDecimal amount) {
            this.category = category;
            this.source = source;
            this.amount = amount;
        }

        DeclarationContent.BudgetLineData data() {
            return new DeclarationContent.BudgetLineData(category, source, amount);
        }

        public BudgetCategory getCategory() { return category; }
        public void setCategory(BudgetCategory category) { this.category = category; }
        public FundingSource getSource() { return source; }
        public void setSource(FundingSource source) { this.source = source; }
        public BigDecimal getAmount() { return amount; }
        public void setAmount(BigDecimal amount) { this.amount = amount; }
    }

    /** 研发投入数据 (RD_INVESTMENT) */
    public static class RdRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private BigDecimal expenseTax;
        private BigDecimal expenseStat;
        private BigDecimal expensePrior;
        private BigDecimal revenue;
        private Integer validInventionPatents;
        private Integer inventionApplications;
        private Integer rdStaff;
        private Integer totalStaff;

        DeclarationContent.RdFiguresData data() {
            return new DeclarationContent.RdFiguresData(expenseTax, expenseStat, expensePrior, revenue,
                    validInventionPatents, inventionApplications, rdStaff, totalStaff);
        }

        public BigDecimal getExpenseTax() { return expenseTax; }
        public void setExpenseTax(BigDecimal expenseTax) { this.expenseTax = expenseTax; }
        public BigDecimal getExpenseStat() { return expenseStat; }
        public void setExpenseStat(BigDecimal expenseStat) { this.expenseStat = expenseStat; }
        public BigDecimal getExpensePrior() { return expensePrior; }
        public void setExpensePrior(BigDecimal expensePrior) { this.expensePrior = expensePrior; }
        public BigDecimal getRevenue() { return revenue; }
        public void setRevenue(BigDecimal revenue) { this.revenue = revenue; }
        public Integer getValidInventionPatents() { return validInventionPatents; }
        public void setValidInventionPatents(Integer validInventionPatents) { this.validInventionPatents = validInventionPatents; }
        public Integer getInventionApplications() { return inventionApplications; }
        public void setInventionApplications(Integer inventionApplications) { this.inventionApplications = inventionApplications; }
        public Integer getRdStaff() { return rdStaff; }
        public void setRdStaff(Integer rdStaff) { this.rdStaff = rdStaff; }
        public Integer getTotalStaff() { return totalStaff; }
        public void setTotalStaff(Integer totalStaff) { this.totalStaff = totalStaff; }
    }

    /** 认定成果 (REWARD) */
    public static class AchievementRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private Achievement achievement;
        private String certificateNo;
        private LocalDate recognisedOn;

        AchievementRow(Achievement achievement, String certificateNo, LocalDate recognisedOn) {
            this.achievement = achievement;
            this.certificateNo = certificateNo;
            this.recognisedOn = recognisedOn;
        }

        DeclarationContent.AchievementData data() {
            return new DeclarationContent.AchievementData(achievement, certificateNo, recognisedOn);
        }

        public Achievement getAchievement() { return achievement; }
        public void setAchievement(Achievement achievement) { this.achievement = achievement; }
        public String getCertificateNo() { return certificateNo; }
        public void setCertificateNo(String certificateNo) { this.certificateNo = certificateNo; }
        public LocalDate getRecognisedOn() { return recognisedOn; }
        public void setRecognisedOn(LocalDate recognisedOn) { this.recognisedOn = recognisedOn; }
    }

    /** 共享服务记录 (SHARED_SERVICE) */
    public static class ServiceRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String providerName;
        private String providerUscc;
        private String invoiceNo;
        private LocalDate invoiceDate;
        private BigDecimal amount;

        ServiceRow(String providerName, String providerUscc, String invoiceNo, LocalDate invoiceDate, BigDecimal amount) {
            this.providerName = providerName;
            this.providerUscc = providerUscc;
            this.invoiceNo = invoiceNo;
            this.invoiceDate = invoiceDate;
            this.amount = amount;
        }

        DeclarationContent.ServiceRecordData data() {
            return new DeclarationContent.ServiceRecordData(providerName, providerUscc, invoiceNo, invoiceDate, amount);
        }

        public String getProviderName() { return providerName; }
        public void setProviderName(String providerName) { this.providerName = providerName; }
        public String getProviderUscc() { return providerUscc; }
        public void setProviderUscc(String providerUscc) { this.providerUscc = providerUscc; }
        public String getInvoiceNo() { return invoiceNo; }
        public void setInvoiceNo(String invoiceNo) { this.invoiceNo = invoiceNo; }
        public LocalDate getInvoiceDate() { return invoiceDate; }
        public void setInvoiceDate(LocalDate invoiceDate) { this.invoiceDate = invoiceDate; }
        public BigDecimal getAmount() { return amount; }
        public void setAmount(BigDecimal amount) { this.amount = amount; }
    }
}
