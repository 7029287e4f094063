package org.innofund.web.bureau;

import org.innofund.program.application.ProgramView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.program.application.CallAdministration;
import org.innofund.program.application.CallDetail;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Clocks;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.List;

/** The reviewer's programs and calls: the list of every call, a new program, a new draft call. */
@Named
@ViewScoped
public class CallListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CallAdministration administration;

    /** A program to choose in the new-call form. */
    public record ProgramOption(Long id, String name, SubsidyKind kind) implements Serializable {
    }

    private List<CallDetail> calls;
    private List<ProgramOption> programOptions;

    // new program
    private String programName;
    private SubsidyKind programKind;
    private String programDepartment;

    // new draft call; times are Beijing wall-clock times
    private Long programId;
    private String title;
    private Integer year = Year.now(Clocks.BUREAU_ZONE).getValue();
    private LocalDateTime opensAt;
    private LocalDateTime closesAt;
    private BigDecimal budget;
    private BigDecimal maxRequest;
    private String guide;

    @PostConstruct
    void load() {
        calls = administration.calls();
        programOptions = administration.programs().stream()
                .map(p -> new ProgramOption(p.id(), p.name(), p.subsidyKind())).toList();
    }

    public void createProgram() {
        ProgramView[] created = new ProgramView[1];
        if (BusinessCall.run(() -> created[0] = administration.createProgram(programName, programKind, programDepartment))) {
            Feedback.info("calls.programCreated", created[0].name());
            programName = null;
            programKind = null;
            programDepartment = null;
            load();
            programId = created[0].id();
        }
    }

    /** Creates the draft and goes on to edit it. */
    public String createCall() {
        CallDetail[] created = new CallDetail[1];
        if (BusinessCall.run(() -> created[0] = administration.createCall(programId, title, year == null ? 0 : year,
                opensAt.atZone(Clocks.BUREAU_ZONE).toInstant(), closesAt.atZone(Clocks.BUREAU_ZONE).toInstant(),
                budget, maxRequest, guide))) {
            Feedback.info("calls.callCreated", created[0].title());
            Feedback.keepForRedirect();
            return "/bureau/reviewer/call?faces-redirect=true&id=" + created[0].id();
        }
        return null;
    }

    public SubsidyKind[] getKinds() {
        return SubsidyKind.values();
    }

    public List<CallDetail> getCalls() { return calls; }
    public List<ProgramOption> getProgramOptions() { return programOptions; }
    public String getProgramName() { return programName; }
    public void setProgramName(String v) { programName = v; }
    public SubsidyKind getProgramKind() { return programKind; }
    public void setProgramKind(SubsidyKind v) { programKind = v; }
    public String getProgramDepartment() { return programDepartment; }
    public void setProgramDepartment(String v) { programDepartment = v; }
    public Long getProgramId() { return programId; }
    public void setProgramId(Long v) { programId = v; }
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
