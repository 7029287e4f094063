package org.innofund.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.identity.application.UserAdministration;
import org.innofund.identity.application.UserSummary;
import org.innofund.identity.domain.Role;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Dialogs;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The users page's two dialogs on one user: edit (name, department, roles, at the version listed) and reset the
 * password. A refusal stays in the dialog; a success closes it and says so on the page.
 */
@Named("userDialogs")
@ViewScoped
public class UserDialogsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String[] BEHIND_DIALOG = {":usersForm", ":messages"};

    @EJB
    private UserAdministration administration;

    @Inject
    private UsersBacking list;

    private UserSummary selected;
    private String resetPassword;
    private String editDisplayName;
    private String editDepartment;
    private Role[] editRoles;
    private Set<Role> possibleRoles = Set.of();

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
        list.done(messageKey, user);
        Dialogs.done(BEHIND_DIALOG);
    }

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
