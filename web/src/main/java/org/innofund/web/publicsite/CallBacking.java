package org.innofund.web.publicsite;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.innofund.declaration.application.DeclarationDetail;
import org.innofund.declaration.application.DeclarationService;
import org.innofund.declaration.application.DeclarationSummary;
import org.innofund.identity.domain.Role;
import org.innofund.program.application.CallCatalog;
import org.innofund.program.application.CallDetail;
import org.innofund.program.application.CallNotices;
import org.innofund.program.application.NoticeView;
import org.innofund.shared.BusinessException;
import org.innofund.web.shared.BusinessCall;
import org.omnifaces.cdi.Param;

import java.io.IOException;
import java.util.List;

/**
 * 申报通知详情: a published call for anyone, and "declare" for a logged-in enterprise. Request-scoped, as every bean of
 * a public page (see layout.xhtml): the call's id comes with every request, the page's forms post to their own URL.
 */
@Named
@RequestScoped
public class CallBacking {

    @EJB
    private CallCatalog catalog;

    @EJB
    private DeclarationService declarations;

    @EJB
    private CallNotices notices;

    @Inject
    @Param
    private Long id;

    private boolean loaded;
    private CallDetail call;
    private List<DeclarationSummary> mine = List.of();
    private NoticeView notice;

    /** f:viewAction: a draft or unknown call is not found. */
    public void load() throws IOException {
        if (getCall() == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(404, "");
            faces.responseComplete();
        }
    }

    private void find() {
        loaded = true;
        try {
            call = id == null ? null : catalog.publishedCall(id);
        } catch (BusinessException e) {
            call = null;
        }
        if (call != null) {
            notice = notices.notice(call.id()).orElse(null);
        }
        if (call != null && isEnterprise()) {
            mine = declarations.mine().stream().filter(d -> d.callId().equals(call.id())).toList();
        }
    }

    /** Starts a draft in this call and opens it in the editor. */
    public String declare() {
        DeclarationDetail[] started = new DeclarationDetail[1];
        if (!BusinessCall.run(() -> started[0] = declarations.start(id))) {
            return null;
        }
        return "/enterprise/declaration.xhtml?faces-redirect=true&id=" + started[0].summary().id();
    }

    public boolean isEnterprise() {
        return request().isUserInRole(Role.ENTERPRISE.name());
    }

    public boolean isLoggedIn() {
        return request().getUserPrincipal() != null;
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public CallDetail getCall() {
        if (!loaded) {
            find();
        }
        return call;
    }

    /** 正式通知: the call's official notice file, or null if it has none. */
    public NoticeView getNotice() {
        getCall();
        return notice;
    }

    /** The enterprise's own declarations in this call, so it continues one instead of starting another by mistake. */
    public List<DeclarationSummary> getMine() {
        getCall();
        return mine;
    }
}
