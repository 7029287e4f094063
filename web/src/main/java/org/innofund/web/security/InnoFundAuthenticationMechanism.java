package org.innofund.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.innofund.identity.application.Authentication;
import org.innofund.identity.application.LoginResult;
import org.innofund.identity.application.TokenService;
import org.innofund.identity.domain.Role;
import org.innofund.shared.RequestOrigin;
import org.innofund.web.api.ApiErrors;
import org.innofund.web.shared.EjbExceptions;

import javax.security.auth.callback.Callback;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's one authentication mechanism (Jakarta Security 3 allows one): the login form's
 * credentials for pages, {@code Authorization: Bearer} for the API. Page sessions are registered with the
 * container; bearer calls never create a session. A session ends at the next request once its user is
 * disabled or their password reset (the session epoch in the database moves on), on every server alike.
 */
@ApplicationScoped
@DeclareRoles({Role.Names.ENTERPRISE, Role.Names.AGENCY, Role.Names.REVIEWER, Role.Names.APPROVER,
        Role.Names.FINANCE, Role.Names.ADMIN})
public class InnoFundAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Session attribute: the user's session epoch when the session was opened. */
    static final String SESSION_EPOCH = "innofund.sessionEpoch";
    /** Request attribute: the outcome of a form login, for the login page to explain. */
    public static final String LOGIN_OUTCOME = "innofund.loginOutcome";

    private static final Logger LOG = Logger.getLogger(InnoFundAuthenticationMechanism.class.getName());
    private static final String REGISTER_SESSION = "jakarta.servlet.http.registerSession";
    private static final String BEARER = "Bearer ";

    @EJB
    private Authentication authentication;

    @EJB
    private TokenService tokens;

    @Inject
    private RequestOrigin origin;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        origin.setClientAddress(request.getRemoteAddr()); // authentication runs before any filter
        if (isApi(request)) {
            return validateApiRequest(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential form) {
            return formLogin(request, context, form);
        }
        Principal principal = request.getUserPrincipal();
        if (principal != null) {
            if (sessionStillValid(request, principal)) {
                // What @AutoApplySession does: hand the session's principal back to the container.
                try {
                    context.getHandler().handle(new Callback[]{
                            new CallerPrincipalCallback(context.getClientSubject(), principal)});
                } catch (IOException | javax.security.auth.callback.UnsupportedCallbackException e) {
                    throw new IllegalStateException(e);
                }
                return AuthenticationStatus.SUCCESS;
            }
            endSession(request);
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + "/login.xhtml");
        }
        return context.doNothing();
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context,
                                           UsernamePasswordCredential form) {
        LoginResult result;
        try {
            result = authentication.login(form.getCaller(), form.getPasswordAsString(), "WEB");
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "Login could not be checked", EjbExceptions.unwrap(e));
            result = LoginResult.refused(LoginResult.Status.INVALID);
        }
        request.setAttribute(LOGIN_OUTCOME, result);
        if (!result.succeeded()) {
            // No sendError: the login page itself says why, in the user's language.
            return AuthenticationStatus.SEND_FAILURE;
        }
        context.getMessageInfo().getMap().put(REGISTER_SESSION, Boolean.TRUE.toString());
        // The container changes the session id at login; the epoch goes into the new session.
        request.getSession(true).setAttribute(SESSION_EPOCH, result.sessionEpoch());
        return context.notifyContainerAboutLogin(result.username(), result.groups());
    }

    private boolean sessionStillValid(HttpServletRequest request, Principal principal) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        Object epoch = session.getAttribute(SESSION_EPOCH);
        if (!(epoch instanceof Integer e)) {
            return false;
        }
        if (request.getRequestURI().contains("/jakarta.faces.resource/")) {
            return true; // style sheets and scripts: no database round trip
        }
        return authentication.sessionStillValid(principal.getName(), e);
    }

    private static void endSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // nothing left to end
            }
        }
    }

    private AuthenticationStatus validateApiRequest(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return context.doNothing(); // public endpoints; protected ones answer 401 from the business layer
        }
        Optional<TokenService.TokenCaller> caller = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? tokens.authenticate(header.substring(BEARER.length()))
                : Optional.empty();
        if (caller.isEmpty()) {
            ApiErrors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "auth.invalidToken");
            return AuthenticationStatus.SEND_FAILURE;
        }
        return context.notifyContainerAboutLogin(caller.get().username(), caller.get().groups());
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }
}
