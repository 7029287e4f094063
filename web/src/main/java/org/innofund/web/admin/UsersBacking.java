package org.innofund.web.admin;

import org.innofund.identity.application.OrganisationView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.identity.application.UserAdministration;
import org.innofund.identity.application.UserFilter;
import org.innofund.identity.application.UserSummary;
import org.innofund.identity.domain.Role;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Dialogs;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The administrator's user list, its filter, and the actions on a user; each action says what it did to whom. */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String[] BEHIND_DIALOG = {":usersForm", ":messages"};

    @EJB
    private UserAdministration administration;

    private List<UserSummary> users;

    // filter
    private Role filterRole;
    private String filterOrganisation;
    private UserFilter.Status filterStatus;

    // new user form
    private String newUsername;
    private String newDisplayName;
    private Role newRole = Role.REVIEWER;
    private Long newOrganisationId;
    private String newPassword;

    // new agency form
    private String agencyName;
    private String agencyUscc;

    // the user of the edit or password dialog
    private UserSummary selected;
    private String resetPassword;
    private String editDisplayName;
    private String editDepartment;
    private Role[] editRoles;
    private Set<Role> possibleRoles = Set.of();

    @PostConstruct
    void load() {
        users = administration.listUsers(new UserFilter(filterRole, filterOrganisation, filterStatus));
    }

    public void applyFilter() {
        load();
    }

    public void clearFilter() {
        filterRole = null;
        filterOrganisation = null;
        filterStatus = null;
        load();
    }

    public List<Role> getCreatableRoles() {
        return Arrays.stream(Role.values()).filter(r -> r != Role.ENTERPRISE).toList();
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    public UserFilter.Status[] getStatuses() {
        return UserFilter.Status.values();
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
        UserSummary[] created = new UserSummary[1];
        if (BusinessCall.run(() -> created[0] = administration.createUser(newUsername, newDisplayName, newRole,
                newOrganisationId, newPassword))) {
            Feedback.info("users.createdDone", created[0].displayName(), created[0].username());
            newUsername = null;
            newDisplayName = null;
            newPassword = null;
            load();
        }
    }

    public void createAgency() {
        OrganisationView[] created = new OrganisationView[1];
        if (BusinessCall.run(() -> created[0] = administration.createAgency(agencyName, agencyUscc, null, null))) {
            Feedback.info("users.agencyCreatedDone", created[0].name());
            agencyName = null;
            agencyUscc = null;
        }
    }

    public void disable(UserSummary user) {
        act(() -> administration.disable(user.id()), "users.disabledDone", user);
    }

    public void enable(UserSummary user) {
        act(() -> administration.enable(user.id()), "users.enabledDone", user);
    }

    public void unlock(UserSummary user) {
        act(() -> administration.unlock(user.id()), "users.unlockedDone", user);
    }

    /** Opens the password dialog empty for this user. */
    public void startReset(UserSummary user) {
        selected = user;
        resetPassword = null;
    }

    public void resetSelectedPassword() {
        if (selected != null && BusinessCall.run(() -> administration.resetPassword(selected.id(), resetPassword))) {
            done("users.passwordResetDone", selected);
        }
    }

    /** Opens the edit dialog with the user as listed, and the version the edit will name. */
    public void startEdit(UserSummary user) {
        selected = user;
        editDisplayName = user.displayName();
        editDepartment = user.department();
        editRoles = user.roles().stream().map(Role::valueOf).toArray(Role[]::new);
        possibleRoles = administration.possibleRoles(user.id());
    }

    public void saveEdit() {
        Set<Role> roles = editRoles == null || editRoles.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(editRoles));
        UserSummary[] edited = new UserSummary[1];
        if (selected != null && BusinessCall.run(() -> edited[0] = administration.edit(selected.id(), selected.version(),
                editDisplayName, editDepartment, roles))) {
            done("users.editedDone", edited[0]);
        }
    }

    private void done(String messageKey, UserSummary user) {
        Feedback.info(messageKey, user.displayName(), user.username());
        load();
        Dialogs.done(BEHIND_DIALOG);
    }

    private void act(Runnable call, String messageKey, UserSummary user) {
        if (BusinessCall.run(call)) {
            Feedback.info(messageKey, user.displayName(), user.username());
            load();
        }
    }

    public List<UserSummary> getUsers() { return users; }
    public Role getFilterRole() { return filterRole; }
    public void setFilterRole(Role v) { filterRole = v; }
    public String getFilterOrganisation() { return filterOrganisation; }
    public void setFilterOrganisation(String v) { filterOrganisation = v; }
    public UserFilter.Status getFilterStatus() { return filterStatus; }
    public void setFilterStatus(UserFilter.Status v) { filterStatus = v; }
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
    public String getResetPassword() { return resetPassword; }
    public void setResetPassword(String v) { resetPassword = v; }
    public String getEditDisplayName() { return editDisplayName; }
    public void setEditDisplayName(String v) { editDisplayName = v; }
    public String getEditDepartment() { return editDepartment; }
    public void setEditDepartment(String v) { editDepartment = v; }
    public Role[] getEditRoles() { return editRoles; }
    public void setEditRoles(Role[] v) { editRoles = v; }
    public Set<Role> getPossibleRoles() { return possibleRoles; }
}
