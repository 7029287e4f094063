package org.innofund.web.publicsite;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.innofund.program.application.CallCatalog;
import org.innofund.program.application.CallSummary;

import java.util.List;

/** The public home page: calls open now or soon. */
@Named
@RequestScoped
public class PublicHomeBacking {

    @EJB
    private CallCatalog catalog;

    private List<CallSummary> calls;

    public List<CallSummary> getCalls() {
        if (calls == null) {
            calls = catalog.currentCalls();
        }
        return calls;
    }
}
