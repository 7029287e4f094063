package org.innofund.web.publicsite;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.innofund.program.application.CallCatalog;
import org.innofund.program.application.CallSummary;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The public home page: calls open now, and apart from them those opening soon. */
@Named
@RequestScoped
public class PublicHomeBacking {

    @EJB
    private CallCatalog catalog;

    /** Current calls by whether they are open (as the catalog's clock says), asked once per request. */
    private Map<Boolean, List<CallSummary>> calls;

    public List<CallSummary> getOpen() {
        return calls().get(true);
    }

    public List<CallSummary> getUpcoming() {
        return calls().get(false);
    }

    private Map<Boolean, List<CallSummary>> calls() {
        if (calls == null) {
            calls = catalog.currentCalls().stream().collect(Collectors.partitioningBy(CallSummary::open));
        }
        return calls;
    }
}
