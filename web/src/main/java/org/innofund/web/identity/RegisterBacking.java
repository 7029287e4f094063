package org.innofund.web.identity;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.innofund.identity.application.EnterpriseRegistration;
import org.innofund.identity.application.Registration;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;

/** Enterprise self-registration form; request-scoped like every bean of a public page (see layout.xhtml). */
@Named
@RequestScoped
public class RegisterBacking {

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
        if (password == null || !password.equals(passwordRepeat)) {
            Feedback.errorLabel("register.passwordMismatch");
            return null;
        }
        boolean done = BusinessCall.run(() -> registration.registerEnterprise(new EnterpriseRegistration(
                companyName, uscc, contactName, contactPhone, username, password)));
        if (!done) {
            return null;
        }
        Feedback.info("register.done");
        Feedback.keepForRedirect();
        return "/login.xhtml?faces-redirect=true";
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
