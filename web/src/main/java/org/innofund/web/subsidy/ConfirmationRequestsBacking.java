package org.innofund.web.subsidy;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.subsidy.application.ConfirmationRequests;
import org.innofund.subsidy.application.RequestView;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Dialogs;
import org.innofund.web.shared.Feedback;
import org.omnifaces.util.Faces;

import java.io.Serializable;
import java.util.List;

/** 免申即享 on the enterprise's home page: its confirmation requests, and the dialog that confirms one. */
@Named
@ViewScoped
public class ConfirmationRequestsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ConfirmationRequests service;

    private List<RequestView> requests;
    private RequestView selected;
    private String accountName;
    private String accountNumber;
    private String bankName;

    public List<RequestView> getRequests() {
        if (requests == null) {
            requests = service.mine();
        }
        return requests;
    }

    /** Opens the dialog on a request, its fields empty. */
    public void select(RequestView request) {
        selected = request;
        accountName = null;
        accountNumber = null;
        bankName = null;
    }

    public void confirm() {
        if (selected != null && BusinessCall.run(() -> service.confirm(selected.id(), selected.version(), accountName,
                accountNumber, bankName))) {
            Feedback.info("exemptHome.confirmed");
            done();
            Dialogs.done("exemptPanel", "messages");
        }
    }

    public void decline(RequestView request) {
        if (BusinessCall.run(() -> service.decline(request.id(), request.version()))) {
            Feedback.info("exemptHome.declined");
            done();
        }
    }

    private void done() {
        selected = null;
        requests = null;
    }

    /** An explanation step in the page's language. */
    public String text(Calculation.Step step) {
        return "en".equals(Faces.getLocale().getLanguage()) ? step.en() : step.zh();
    }

    public RequestView getSelected() {
        return selected;
    }

    public String getAccountName() {
        return accountName;
    }

    public void setAccountName(String accountName) {
        this.accountName = accountName;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public void setAccountNumber(String accountNumber) {
        this.accountNumber = accountNumber;
    }

    public String getBankName() {
        return bankName;
    }

    public void setBankName(String bankName) {
        this.bankName = bankName;
    }
}
