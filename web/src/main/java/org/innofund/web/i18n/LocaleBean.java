package org.innofund.web.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.innofund.shared.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;

/** The language of the pages: Simplified Chinese unless the user switches to English. */
@Named
@SessionScoped
public class LocaleBean implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale locale = Messages.DEFAULT_LOCALE;

    public Locale getLocale() {
        return locale;
    }

    public String getLanguage() {
        return locale.getLanguage();
    }

    public boolean isEnglish() {
        return "en".equals(locale.getLanguage());
    }

    /**
     * Switches and reloads the same page (a GET, so nothing is submitted twice). The switch is a form post, whose URL
     * has no query string: the page's view parameters ({@code call.xhtml?id=}) are put back from the view.
     */
    public void switchTo(String language) throws IOException {
        locale = Messages.supported(Locale.forLanguageTag(language));
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().setLocale(locale);
        var external = faces.getExternalContext();
        String uri = ((jakarta.servlet.http.HttpServletRequest) external.getRequest()).getRequestURI();
        String query = ((jakarta.servlet.http.HttpServletRequest) external.getRequest()).getQueryString();
        if (query == null) {
            external.redirect(faces.getApplication().getViewHandler()
                    .getRedirectURL(faces, faces.getViewRoot().getViewId(), java.util.Map.of(), true));
            return;
        }
        external.redirect(uri + "?" + query);
    }
}
