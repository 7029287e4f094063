package org.innofund.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.identity.application.OrganisationView;
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

/** The users page's form for a new bureau or agency user (agencies themselves are registered on the agencies page). */
@Named("newAccounts")
@ViewScoped
public class NewAccountsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private UserAdministration administration;

    @Inject
    private UsersBacking list;

    private String newUsername;
    private String newDisplayName;
    private Role newRole = Role.REVIEWER;
    private Long newOrganisationId;
    private String newPassword;

    public List<Role> getCreatableRoles() {
        return Arrays.stream(Role.values()).filter(r -> r != Role.ENTERPRISE).toList();
    }

    /** The organisations a user of the chosen role can belong to, by name. */
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
        UserSummary[] created = new UserSummary[1];
        if (BusinessCall.run(() -> created[0] = administration.createUser(newUsername, newDisplayName, newRole,
                newOrganisationId, newPassword))) {
            newUsername = null;
            newDisplayName = null;
            newPassword = null;
            list.done("users.createdDone", created[0]);
        }
    }

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
}
