package org.innofund.web.admin;

import org.innofund.identity.application.OrganisationView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.identity.application.UserAdministration;
import org.innofund.identity.application.UserSummary;
import org.innofund.identity.domain.Role;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The administrator's user list and its actions. */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private UserAdministration administration;

    private List<UserSummary> users;

    // new user form
    private String newUsername;
    private String newDisplayName;
    private Role newRole = Role.REVIEWER;
    private Long newOrganisationId;
    private String newPassword;

    // new agency form
    private String agencyName;
    private String agencyUscc;

    // password reset
    private UserSummary selected;
    private String resetPassword;

    @PostConstruct
    void load() {
        users = administration.listUsers();
    }

    public List<Role> getCreatableRoles() {
        return Arrays.stream(Role.values()).filter(r -> r != Role.ENTERPRISE).toList();
    }

    public Map<String, Long> getOrganisations() {
        Map<String, Long> options = new LinkedHashMap<>();
        if (newRole != null) {
            for (OrganisationView o : administration.organisationsFor(newRole)) {
                options.put(o.name(), o.id());
            }
        }
        return options;
    }

    public void createUser() {
        if (BusinessCall.run(() -> administration.createUser(newUsername, newDisplayName, newRole, newOrganisationId, newPassword))) {
            Feedback.info("users.saved");
            newUsername = null;
            newDisplayName = null;
            newPassword = null;
            load();
        }
    }

    public void createAgency() {
        if (BusinessCall.run(() -> administration.createAgency(agencyName, agencyUscc, null, null))) {
            Feedback.info("users.saved");
            agencyName = null;
            agencyUscc = null;
        }
    }

    public void disable(UserSummary user) {
        act(() -> administration.disable(user.id()));
    }

    public void enable(UserSummary user) {
        act(() -> administration.enable(user.id()));
    }

    public void unlock(UserSummary user) {
        act(() -> administration.unlock(user.id()));
    }

    public void resetSelectedPassword() {
        if (selected != null) {
            act(() -> administration.resetPassword(selected.id(), resetPassword));
            resetPassword = null;
        }
    }

    private void act(Runnable call) {
        if (BusinessCall.run(call)) {
            Feedback.info("users.saved");
            load();
        }
    }

    public List<UserSummary> getUsers() { return users; }
    public String getNewUsername() { return newUsername; }
    public void setNewUsername(String v) { newUsername = v; }
    public String getNewDisplayName() { return newDisplayName; }
    public void setNewDisplayName(String v) { newDisplayName = v; }
    public Role getNewRole() { return newRole; }
    public void setNewRole(Role v) { newRole = v; }
    public Long getNewOrganisationId() { return newOrganisationId; }
    public void setNewOrganisationId(Long v) { newOrganisationId = v; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String v) { newPassword = v; }
    public String getAgencyName() { return agencyName; }
    public void setAgencyName(String v) { agencyName = v; }
    public String getAgencyUscc() { return agencyUscc; }
    public void setAgencyUscc(String v) { agencyUscc = v; }
    public UserSummary getSelected() { return selected; }
    public void setSelected(UserSummary v) { selected = v; }
    public String getResetPassword() { return resetPassword; }
    public void setResetPassword(String v) { resetPassword = v; }
}
