package org.innofund.web.shared;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.innofund.shared.Messages;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** Messages for the page, in the page's language: business refusals and the page's own notes. */
public final class Feedback {

    private Feedback() {
    }

    /** A refusal on top; a refused form's problems beside their fields, with how many there are on top (each said once). */
    public static void error(BusinessException e) {
        if (e instanceof InvalidFormException form) {
            fieldProblems(form.problems());
            if (form.problems().size() == 1) {
                return;
            }
        }
        add(FacesMessage.SEVERITY_ERROR, Messages.get(faces().getViewRoot().getLocale(), e));
    }

    public static void errorKey(String businessMessageKey, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, Messages.get(faces().getViewRoot().getLocale(), businessMessageKey, arguments));
    }

    /**
     * Each problem beside the input of the page whose id is the problem's field (a form's ids are its fields' names),
     * where the page has one; on top otherwise.
     */
    public static void fieldProblems(List<FieldProblem> problems) {
        Locale locale = faces().getViewRoot().getLocale();
        for (FieldProblem p : problems) {
            String text = Messages.get(locale, p.messageKey(), p.arguments().toArray());
            UIComponent field = input(faces().getViewRoot(), p.field());
            faces().addMessage(field == null ? null : field.getClientId(), new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
    }

    private static UIComponent input(UIComponent parent, String id) {
        for (UIComponent child : parent.getChildren()) {
            if (child instanceof EditableValueHolder && id.equals(child.getId())) {
                return child;
            }
            UIComponent found = input(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
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

    /**
     * Tells the page's unsaved-changes guard (js/unsaved.js) that what the form of this request held is saved now:
     * the callback parameter "saved" names the button that saved it, the script cleans that button's form.
     */
    public static void saved() {
        String source = faces().getExternalContext().getRequestParameterMap().get("jakarta.faces.source");
        if (faces().getPartialViewContext().isAjaxRequest() && source != null) {
            org.primefaces.PrimeFaces.current().ajax().addCallbackParam("saved", source);
        }
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
