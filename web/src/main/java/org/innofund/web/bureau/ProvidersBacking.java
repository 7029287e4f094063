package org.innofund.web.bureau;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.subsidy.application.ProviderForm;
import org.innofund.subsidy.application.ProviderView;
import org.innofund.subsidy.application.Providers;
import org.innofund.subsidy.application.SuspensionForm;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Dialogs;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** 服务机构库 (REVIEWER): the providers with their status today; register one; suspend one in a dialog that asks. */
@Named
@ViewScoped
public class ProvidersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Providers providers;

    private List<ProviderView> all;
    private String uscc;
    private String name;
    private boolean local;
    private String controller;
    private ProviderView chosen;
    private LocalDate from;
    private LocalDate until;
    private String reason;

    @PostConstruct
    void load() {
        all = providers.list();
    }

    public void register() {
        if (BusinessCall.run(() -> providers.register(new ProviderForm(uscc, name, local, controller, null)))) {
            Feedback.info("providers.registered", name);
            uscc = null;
            name = null;
            local = false;
            controller = null;
            load();
        }
    }

    public void choose(ProviderView provider) {
        chosen = provider;
        from = null;
        until = null;
        reason = null;
    }

    /** The suspension on the version the page shows. */
    public void suspend() {
        ProviderView p = chosen;
        if (BusinessCall.run(() -> providers.suspend(p.id(), new SuspensionForm(from, until, reason, p.version())))) {
            Feedback.info("providers.suspended", p.name());
            chosen = null;
            load();
            Dialogs.done(":providersForm", ":messages");
        }
    }

    public List<ProviderView> getProviders() { return all; }
    public ProviderView getChosen() { return chosen; }
    public String getUscc() { return uscc; }
    public void setUscc(String uscc) { this.uscc = uscc; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isLocal() { return local; }
    public void setLocal(boolean local) { this.local = local; }
    public String getController() { return controller; }
    public void setController(String controller) { this.controller = controller; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getUntil() { return until; }
    public void setUntil(LocalDate until) { this.until = until; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
