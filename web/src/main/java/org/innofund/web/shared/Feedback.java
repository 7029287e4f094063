package org.innofund.web.shared;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Messages;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Messages for the page, in the page's language: business refusals and the page's own notes. */
public final class Feedback {

    private Feedback() {
    }

    public static void error(BusinessException e) {
        add(FacesMessage.SEVERITY_ERROR, Messages.get(faces().getViewRoot().getLocale(), e));
    }

    public static void errorKey(String businessMessageKey, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, Messages.get(faces().getViewRoot().getLocale(), businessMessageKey, arguments));
    }

    /** A label of the web bundle ({@code msg} in the pages). */
    public static String label(String key, Object... arguments) {
        ResourceBundle bundle = faces().getApplication().getResourceBundle(faces(), "msg");
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, faces().getViewRoot().getLocale()).format(arguments);
    }

    public static void info(String labelKey, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, label(labelKey, arguments));
    }

    public static void errorLabel(String labelKey, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, label(labelKey, arguments));
    }

    /** Keeps messages across a redirect. */
    public static void keepForRedirect() {
        faces().getExternalContext().getFlash().setKeepMessages(true);
    }

    private static void add(FacesMessage.Severity severity, String text) {
        faces().addMessage(null, new FacesMessage(severity, text, null));
    }

    private static FacesContext faces() {
        return FacesContext.getCurrentInstance();
    }
}
