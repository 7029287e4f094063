package org.innofund.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.innofund.shared.Messages;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The language of the pages: Simplified Chinese unless the user switches to English. The choice lives in a cookie, not
 * in a session, so that anonymous visitors switch languages without the server keeping anything for them.
 */
@Named
@RequestScoped
public class LocaleBean {

    static final String COOKIE = "innofund-lang";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Inject
    private HttpServletRequest request;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = Arrays.stream(request.getCookies() == null ? new Cookie[0] : request.getCookies())
                    .filter(c -> COOKIE.equals(c.getName())).findFirst()
                    .map(c -> Messages.supported(Locale.forLanguageTag(c.getValue())))
                    .orElse(Messages.DEFAULT_LOCALE);
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    public boolean isEnglish() {
        return "en".equals(getLanguage());
    }

    /**
     * Switches and reloads the same page (a GET, so nothing is submitted twice). The switch is posted to the page's own
     * URL, query string included (layout.xhtml), so that is where the browser goes back to.
     */
    public void switchTo(String language) throws IOException {
        locale = Messages.supported(Locale.forLanguageTag(language));
        var external = FacesContext.getCurrentInstance().getExternalContext();
        Cookie cookie = new Cookie(COOKIE, locale.toLanguageTag());
        cookie.setPath(external.getRequestContextPath().isEmpty() ? "/" : external.getRequestContextPath());
        cookie.setMaxAge(ONE_YEAR);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        ((HttpServletResponse) external.getResponse()).addCookie(cookie);
        String query = request.getQueryString();
        external.redirect(request.getRequestURI() + (query == null ? "" : "?" + query));
    }
}
