package org.innofund.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.identity.application.UserAdministration;
import org.innofund.identity.application.UserFilter;
import org.innofund.identity.application.UserSummary;
import org.innofund.identity.domain.Role;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.util.List;

/**
 * The administrator's user list, its filter, and the one-click actions on a user; each action says what it did to
 * whom. New accounts: {@link NewAccountsBacking}; the edit and password dialogs: {@link UserDialogsBacking}.
 */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private UserAdministration administration;

    private List<UserSummary> users;
    private Role filterRole;
    private String filterOrganisation;
    private UserFilter.Status filterStatus;

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

    public Role[] getAllRoles() {
        return Role.values();
    }

    public UserFilter.Status[] getStatuses() {
        return UserFilter.Status.values();
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

    private void act(Runnable call, String messageKey, UserSummary user) {
        if (BusinessCall.run(call)) {
            done(messageKey, user);
        }
    }

    /** Says what was done to whom, and shows the list as it now is. */
    void done(String messageKey, UserSummary user) {
        Feedback.info(messageKey, user.displayName(), user.username());
        load();
    }

    public List<UserSummary> getUsers() { return users; }
    public Role getFilterRole() { return filterRole; }
    public void setFilterRole(Role v) { filterRole = v; }
    public String getFilterOrganisation() { return filterOrganisation; }
    public void setFilterOrganisation(String v) { filterOrganisation = v; }
    public UserFilter.Status getFilterStatus() { return filterStatus; }
    public void setFilterStatus(UserFilter.Status v) { filterStatus = v; }
}
