package org.innofund.web.identity;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.innofund.identity.application.EnterpriseRegistration;
import org.innofund.identity.application.Registration;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Enterprise self-registration form; request-scoped like every bean of a public page (see layout.xhtml). */
@Named
@RequestScoped
public class RegisterBacking {

    private static final String PASSWORD = "password";
    private static final String PASSWORD_REPEAT = "passwordRepeat";

    @EJB
    private Registration registration;

    private String companyName;
    private String uscc;
    private String contactName;
    private String contactPhone;
    private String username;
    private String password;
    private String passwordRepeat;

    public String register() {
        if (!Objects.equals(password, passwordRepeat)) {
            // the service never sees the repetition: its mismatch joins the service's own problems, all shown at once
            List<FieldProblem> problems = new ArrayList<>(registration.problems(form()));
            problems.add(FieldProblem.of(PASSWORD_REPEAT, "password.repeatMismatch"));
            Feedback.error(new InvalidFormException(problems));
            return null;
        }
        if (!BusinessCall.run(() -> registration.registerEnterprise(form()))) {
            return null;
        }
        Feedback.info("register.done");
        Feedback.keepForRedirect();
        return "/login.xhtml?faces-redirect=true";
    }

    /** While the password is typed: the password rules' verdict beside it, and whether the repetition matches. */
    public void checkPassword() {
        Feedback.fieldProblems(registration.problems(form()).stream().filter(p -> p.field().equals(PASSWORD)).toList());
        if (passwordRepeat != null && !passwordRepeat.isEmpty() && !Objects.equals(password, passwordRepeat)) {
            Feedback.fieldProblems(List.of(FieldProblem.of(PASSWORD_REPEAT, "password.repeatMismatch")));
        }
    }

    private EnterpriseRegistration form() {
        return new EnterpriseRegistration(companyName, uscc, contactName, contactPhone, username, password);
    }

    public String getCompanyName() { return companyName; }
    public void setCompanyName(String companyName) { this.companyName = companyName; }
    public String getUscc() { return uscc; }
    public void setUscc(String uscc) { this.uscc = uscc; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getPasswordRepeat() { return passwordRepeat; }
    public void setPasswordRepeat(String passwordRepeat) { this.passwordRepeat = passwordRepeat; }
}
