package org.innofund.web.publicsite;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.innofund.program.application.CallCatalog;
import org.innofund.program.application.CallSummary;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.innofund.subsidy.application.CalculatorResult;
import org.innofund.subsidy.application.SubsidyCalculator;
import org.innofund.web.shared.Feedback;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * 政策计算器 for anyone: one form per kind, its typed figures sent to the calculator as the API sends them (so the page
 * and the API read them alike), the result with its explanation. Request-scoped, as every bean of a public page.
 */
@Named
@RequestScoped
public class CalculatorBacking {

    /** Rows of achievements or service records the form offers. */
    static final int ROWS = 3;

    @EJB
    private SubsidyCalculator calculator;

    @EJB
    private CallCatalog catalog;

    private List<CallSummary> calls;
    private Long callId;
    private String approvedAmount;
    private String grade;
    private String auditedSpend;
    private String advancePaid;
    private String rdExpenseTax;
    private String rdExpenseStat;
    private String rdExpensePrevYear;
    private String revenue;
    private String inventionPatents;
    private String inventionApplications;
    private String rdStaff;
    private String totalStaff;
    private boolean firstYear;
    private final List<Row> achievements = IntStream.range(0, ROWS).mapToObj(i -> new Row()).toList();
    private final List<Row> records = IntStream.range(0, ROWS).mapToObj(i -> new Row()).toList();
    private CalculatorResult result;

    /** One achievement (type, number, date) or one service record (provider, invoice number, date, amount). */
    public static class Row {
        private String type;
        private String number;
        private LocalDate date;
        private String amount;

        boolean blank() {
            return (type == null || type.isBlank()) && (number == null || number.isBlank()) && date == null
                    && (amount == null || amount.isBlank());
        }

        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getNumber() { return number; }
        public void setNumber(String number) { this.number = number; }
        public LocalDate getDate() { return date; }
        public void setDate(LocalDate date) { this.date = date; }
        public String getAmount() { return amount; }
        public void setAmount(String amount) { this.amount = amount; }
    }

    /** The open calls of a kind, whose parameters a visitor may choose instead of the defaults. */
    public List<CallSummary> callsOf(String kind) {
        if (calls == null) {
            calls = catalog.currentCalls().stream().filter(CallSummary::open).toList();
        }
        return calls.stream().filter(c -> c.subsidyKind().name().equals(kind)).toList();
    }

    public void compute(String kind) {
        JsonObjectBuilder in = Json.createObjectBuilder();
        switch (SubsidyKind.valueOf(kind)) {
            case PRE_APPROVED -> {
                put(in, "approvedAmount", approvedAmount);
                put(in, "grade", grade);
                put(in, "auditedSpend", auditedSpend);
                put(in, "advancePaid", advancePaid);
            }
            case RD_INVESTMENT -> {
                put(in, "rdExpenseTax", rdExpenseTax);
                put(in, "rdExpenseStat", rdExpenseStat);
                put(in, "rdExpensePrevYear", rdExpensePrevYear);
                put(in, "revenue", revenue);
                put(in, "inventionPatents", inventionPatents);
                put(in, "inventionApplications", inventionApplications);
                put(in, "rdStaff", rdStaff);
                put(in, "totalStaff", totalStaff);
            }
            case REWARD -> {
                JsonArrayBuilder rows = Json.createArrayBuilder();
                achievements.stream().filter(r -> !r.blank()).forEach(r -> rows.add(row("type", r.type,
                        "certificateNo", r.number, "date", r.date)));
                in.add("achievements", rows);
            }
            case SHARED_SERVICE -> {
                in.add("firstYear", firstYear);
                JsonArrayBuilder rows = Json.createArrayBuilder();
                records.stream().filter(r -> !r.blank()).forEach(r -> {
                    JsonObjectBuilder o = row("providerUscc", r.type, "invoiceNo", r.number, "invoiceDate", r.date);
                    put(o, "amount", r.amount);
                    rows.add(o);
                });
                in.add("records", rows);
            }
        }
        try {
            result = calculator.calculate(kind, callId, in.build(), FacesContext.getCurrentInstance().getViewRoot().getLocale());
        } catch (InvalidFormException e) {
            // the page's ids are the fields' names without "inputs." and punctuation: records[0].amount is records0amount
            Feedback.fieldProblems(e.problems().stream().map(p -> new FieldProblem(
                    p.field().replaceFirst("^inputs\\.", "").replaceAll("[\\[\\].]", ""), p.messageKey(),
                    p.arguments())).toList());
        } catch (BusinessException e) {
            Feedback.error(e);
        }
    }

    private static JsonObjectBuilder row(String typeName, String type, String numberName, String number,
                                         String dateName, LocalDate date) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        put(o, typeName, type);
        put(o, numberName, number);
        if (date != null) {
            o.add(dateName, date.toString());
        }
        return o;
    }

    /** A blank field is left out, so that the calculator names it as missing. */
    private static void put(JsonObjectBuilder o, String name, String value) {
        if (value != null && !value.isBlank()) {
            o.add(name, value.strip());
        }
    }

    public CalculatorResult getResult() { return result; }
    public List<Row> getAchievements() { return achievements; }
    public List<Row> getRecords() { return records; }
    public Long getCallId() { return callId; }
    public void setCallId(Long callId) { this.callId = callId; }
    public String getApprovedAmount() { return approvedAmount; }
    public void setApprovedAmount(String v) { this.approvedAmount = v; }
    public String getGrade() { return grade; }
    public void setGrade(String v) { this.grade = v; }
    public String getAuditedSpend() { return auditedSpend; }
    public void setAuditedSpend(String v) { this.auditedSpend = v; }
    public String getAdvancePaid() { return advancePaid; }
    public void setAdvancePaid(String v) { this.advancePaid = v; }
    public String getRdExpenseTax() { return rdExpenseTax; }
    public void setRdExpenseTax(String v) { this.rdExpenseTax = v; }
    public String getRdExpenseStat() { return rdExpenseStat; }
    public void setRdExpenseStat(String v) { this.rdExpenseStat = v; }
    public String getRdExpensePrevYear() { return rdExpensePrevYear; }
    public void setRdExpensePrevYear(String v) { this.rdExpensePrevYear = v; }
    public String getRevenue() { return revenue; }
    public void setRevenue(String v) { this.revenue = v; }
    public String getInventionPatents() { return inventionPatents; }
    public void setInventionPatents(String v) { this.inventionPatents = v; }
    public String getInventionApplications() { return inventionApplications; }
    public void setInventionApplications(String v) { this.inventionApplications = v; }
    public String getRdStaff() { return rdStaff; }
    public void setRdStaff(String v) { this.rdStaff = v; }
    public String getTotalStaff() { return totalStaff; }
    public void setTotalStaff(String v) { this.totalStaff = v; }
    public boolean isFirstYear() { return firstYear; }
    public void setFirstYear(boolean v) { this.firstYear = v; }
}
