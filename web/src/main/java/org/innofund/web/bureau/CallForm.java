package org.innofund.web.bureau;

import org.innofund.program.application.CallDetail;
import org.innofund.shared.Clocks;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A call's basic data as a form edits it, for a new call and a draft alike. Times are Beijing wall-clock times on the
 * page and instants for the service.
 */
public class CallForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String title;
    private Integer year;
    private LocalDateTime opensAt;
    private LocalDateTime closesAt;
    private BigDecimal budget;
    private BigDecimal maxRequest;
    private String guide;

    /** An empty form for a call of this year. */
    static CallForm forYear(int year) {
        CallForm form = new CallForm();
        form.year = year;
        return form;
    }

    /** The form filled with what the call says now. */
    static CallForm of(CallDetail call) {
        CallForm form = new CallForm();
        form.title = call.title();
        form.year = call.year();
        form.opensAt = LocalDateTime.ofInstant(call.opensAt(), Clocks.BUREAU_ZONE);
        form.closesAt = LocalDateTime.ofInstant(call.closesAt(), Clocks.BUREAU_ZONE);
        form.budget = call.budget().amount();
        form.maxRequest = call.maxRequest() == null ? null : call.maxRequest().amount();
        form.guide = call.guide();
        return form;
    }

    /** The year for the service, which refuses 0 with its own message (the page requires a year before it posts). */
    int yearOrZero() {
        return year == null ? 0 : year;
    }

    Instant opensAtInstant() {
        return opensAt.atZone(Clocks.BUREAU_ZONE).toInstant();
    }

    Instant closesAtInstant() {
        return closesAt.atZone(Clocks.BUREAU_ZONE).toInstant();
    }

    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public Integer getYear() { return year; }
    public void setYear(Integer v) { year = v; }
    public LocalDateTime getOpensAt() { return opensAt; }
    public void setOpensAt(LocalDateTime v) { opensAt = v; }
    public LocalDateTime getClosesAt() { return closesAt; }
    public void setClosesAt(LocalDateTime v) { closesAt = v; }
    public BigDecimal getBudget() { return budget; }
    public void setBudget(BigDecimal v) { budget = v; }
    public BigDecimal getMaxRequest() { return maxRequest; }
    public void setMaxRequest(BigDecimal v) { maxRequest = v; }
    public String getGuide() { return guide; }
    public void setGuide(String v) { guide = v; }
}
