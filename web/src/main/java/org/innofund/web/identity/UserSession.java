package org.innofund.web.identity;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.innofund.identity.application.Authentication;
import org.innofund.identity.application.CallerView;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;

import java.io.IOException;
import java.util.Optional;

/** The logged-in user for the layout (name, organisation, menu) and the logout action. */
@Named
@RequestScoped
public class UserSession {

    @EJB
    private CurrentUser currentUser;

    @EJB
    private Authentication authentication;

    @Inject
    private FacesContext faces;

    private Optional<CallerView> caller;

    public boolean isLoggedIn() {
        return caller().isPresent();
    }

    public CallerView getCaller() {
        return caller().orElse(null);
    }

    public boolean hasRole(String role) {
        return request().isUserInRole(role);
    }

    /** The home page of the user's (first) role. */
    public String getHomePath() {
        for (Role role : Role.values()) {
            if (request().isUserInRole(role.name())) {
                return homeOf(role);
            }
        }
        return "/index.xhtml";
    }

    static String homeOf(Role role) {
        return switch (role) {
            case ENTERPRISE -> "/enterprise/home.xhtml";
            case AGENCY -> "/agency/home.xhtml";
            case REVIEWER -> "/bureau/reviewer/home.xhtml";
            case APPROVER -> "/bureau/approver/home.xhtml";
            case FINANCE -> "/bureau/finance/home.xhtml";
            case ADMIN -> "/admin/home.xhtml";
        };
    }

    /** For home.xhtml: straight on to the role's own page. */
    public void goHome() throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + getHomePath());
    }

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = request();
        if (request.getUserPrincipal() != null) {
            authentication.recordLogout(request.getUserPrincipal().getName());
        }
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/index.xhtml");
    }

    private Optional<CallerView> caller() {
        if (caller == null) {
            caller = request().getUserPrincipal() == null ? Optional.empty() : currentUser.view();
        }
        return caller;
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }
}
