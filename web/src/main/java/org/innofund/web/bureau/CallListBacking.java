package org.innofund.web.bureau;

import org.innofund.program.application.ProgramView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.program.application.CallAdministration;
import org.innofund.program.application.CallDetail;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.util.List;

/** The reviewer's programs and calls: the list of every call, a new program, a new draft call. */
@Named
@ViewScoped
public class CallListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CallAdministration administration;


    private List<CallDetail> calls;
    private List<ProgramView> programs;

    // new program
    private String programName;
    private SubsidyKind programKind;
    private String programDepartment;

    // new draft call
    private Long programId;
    private CallForm form;

    @PostConstruct
    void load() {
        if (form == null) {
            form = CallForm.forYear(administration.thisYear());
        }
        calls = administration.calls();
        programs = administration.programs();
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
        if (BusinessCall.run(() -> created[0] = administration.createCall(programId, form.getTitle(), form.yearOrZero(),
                form.opensAtInstant(), form.closesAtInstant(), form.getBudget(), form.getMaxRequest(), form.getGuide()))) {
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
    public List<ProgramView> getPrograms() { return programs; }
    public String getProgramName() { return programName; }
    public void setProgramName(String v) { programName = v; }
    public SubsidyKind getProgramKind() { return programKind; }
    public void setProgramKind(SubsidyKind v) { programKind = v; }
    public String getProgramDepartment() { return programDepartment; }
    public void setProgramDepartment(String v) { programDepartment = v; }
    public Long getProgramId() { return programId; }
    public void setProgramId(Long v) { programId = v; }
    public CallForm getForm() { return form; }
}
