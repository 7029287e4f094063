package org.innofund.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.declaration.domain.ProjectField;
import org.innofund.evaluation.application.AgencyAdministration;
import org.innofund.evaluation.application.AgencyRegistration;
import org.innofund.evaluation.application.AgencyView;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Dialogs;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** 第三方评估机构: the list, registering one with its first user, editing, suspending with a reason and resuming. */
@Named
@ViewScoped
public class AgenciesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AgencyAdministration administration;

    private List<AgencyView> agencies;

    // registration
    private String name;
    private String uscc;
    private String qualification;
    private ProjectField[] fields;
    private String contactName;
    private String contactPhone;
    private String username;
    private String displayName;
    private String password;

    // the agency being edited, suspended or resumed, with the version read
    private AgencyView chosen;
    private String editQualification;
    private ProjectField[] editFields;
    private String editContactName;
    private String editContactPhone;
    private String reason;

    @PostConstruct
    void load() {
        agencies = administration.list();
    }

    public void register() {
        AgencyView[] done = new AgencyView[1];
        AgencyRegistration form = new AgencyRegistration(name, uscc, qualification, fieldSet(fields),
                contactName, contactPhone, List.of(new AgencyRegistration.FirstUser(username, displayName, password)));
        if (BusinessCall.run(() -> done[0] = administration.register(form))) {
            Feedback.info("agencies.registered", done[0].name());
            name = uscc = qualification = contactName = contactPhone = username = displayName = password = null;
            fields = null;
            load();
        }
    }

    public void choose(AgencyView agency) {
        chosen = agency;
        editQualification = agency.qualification();
        editFields = agency.fields().toArray(ProjectField[]::new);
        editContactName = agency.contactName();
        editContactPhone = agency.contactPhone();
        reason = null;
    }

    public void save() {
        change(() -> administration.edit(chosen.id(), chosen.version(), editQualification, fieldSet(editFields),
                editContactName, editContactPhone), "agencies.saved");
    }

    /** Called once the reason was given and the administrator confirmed. */
    public void suspend() {
        change(() -> administration.suspend(chosen.id(), chosen.version(), reason), "agencies.suspendedDone");
    }

    public void resume() {
        change(() -> administration.resume(chosen.id(), chosen.version()), "agencies.resumedDone");
    }

    /** A change of the chosen agency, on the version read: said on the page, the list reloaded, the dialog closed. */
    private void change(Supplier<AgencyView> call, String doneKey) {
        AgencyView[] done = new AgencyView[1];
        if (chosen != null && BusinessCall.run(() -> done[0] = call.get())) {
            Feedback.info(doneKey, done[0].name());
            load();
            Dialogs.done(":agenciesForm", ":messages");
        }
    }

    /** None chosen is passed on as none: the service, not the page, says that a field is required. */
    private static Set<ProjectField> fieldSet(ProjectField[] chosenFields) {
        return chosenFields == null || chosenFields.length == 0 ? EnumSet.noneOf(ProjectField.class)
                : EnumSet.copyOf(Arrays.asList(chosenFields));
    }

    public ProjectField[] getAllFields() {
        return ProjectField.values();
    }

    public List<AgencyView> getAgencies() { return agencies; }
    public AgencyView getChosen() { return chosen; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getUscc() { return uscc; }
    public void setUscc(String v) { uscc = v; }
    public String getQualification() { return qualification; }
    public void setQualification(String v) { qualification = v; }
    public ProjectField[] getFields() { return fields; }
    public void setFields(ProjectField[] v) { fields = v; }
    public String getContactName() { return contactName; }
    public void setContactName(String v) { contactName = v; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String v) { contactPhone = v; }
    public String getUsername() { return username; }
    public void setUsername(String v) { username = v; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String v) { displayName = v; }
    public String getPassword() { return password; }
    public void setPassword(String v) { password = v; }
    public String getEditQualification() { return editQualification; }
    public void setEditQualification(String v) { editQualification = v; }
    public ProjectField[] getEditFields() { return editFields; }
    public void setEditFields(ProjectField[] v) { editFields = v; }
    public String getEditContactName() { return editContactName; }
    public void setEditContactName(String v) { editContactName = v; }
    public String getEditContactPhone() { return editContactPhone; }
    public void setEditContactPhone(String v) { editContactPhone = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
}
