package org.innofund.web.declaration;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.innofund.declaration.application.DeclarationService;
import org.innofund.declaration.application.DeclarationSummary;
import org.innofund.declaration.domain.DeclarationAction;
import org.innofund.declaration.domain.DeclarationState;
import org.innofund.program.application.CallCatalog;
import org.innofund.program.application.CallSummary;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The enterprise's workspace: its declarations, those waiting for it first. */
@Named
@RequestScoped
public class EnterpriseHomeBacking {

    /**
     * What waits for the enterprise comes first: returned ones (with the bureau's reason), those it withdrew, then
     * unfinished drafts. A state missing here would be left out of the counts, hence the check below.
     */
    private static final List<DeclarationState> ORDER = List.of(DeclarationState.RETURNED, DeclarationState.WITHDRAWN,
            DeclarationState.DRAFT, DeclarationState.SUBMITTED, DeclarationState.ACCEPTED, DeclarationState.REJECTED);

    static {
        if (ORDER.size() != DeclarationState.values().length) {
            throw new ExceptionInInitializerError("a declaration state missing from the enterprise's home page order");
        }
    }

    @EJB
    private DeclarationService declarations;

    @EJB
    private CallCatalog catalog;

    private List<DeclarationSummary> mine;
    private Map<Long, CallSummary> openCalls;

    public List<DeclarationSummary> getDeclarations() {
        if (mine == null) {
            // stable: within a state, newest first as the service lists them
            mine = declarations.mine().stream().sorted(Comparator.comparingInt(d -> rank(d.state()))).toList();
        }
        return mine;
    }

    /** Those the enterprise can still edit and (re)submit. */
    public List<DeclarationSummary> getNeedsAction() {
        return getDeclarations().stream().filter(d -> d.state().allows(DeclarationAction.EDIT)).toList();
    }

    /** How many declarations are in each state, in the order above (states without any left out). */
    public List<StateCount> getCounts() {
        Map<DeclarationState, Long> counts = getDeclarations().stream()
                .collect(Collectors.groupingBy(DeclarationSummary::state, () -> new EnumMap<>(DeclarationState.class),
                        Collectors.counting()));
        return ORDER.stream().filter(counts::containsKey).map(s -> new StateCount(s, counts.get(s))).toList();
    }

    public record StateCount(DeclarationState state, long count) {
    }

    /** The deadline for a declaration whose call is still current (returned ones must be resubmitted before it). */
    public Instant closesAt(DeclarationSummary d) {
        CallSummary call = openCalls().get(d.callId());
        return call == null ? null : call.closesAt();
    }

    private Map<Long, CallSummary> openCalls() {
        if (openCalls == null) {
            openCalls = catalog.currentCalls().stream().collect(Collectors.toMap(CallSummary::id, Function.identity()));
        }
        return openCalls;
    }

    private static int rank(DeclarationState state) {
        int i = ORDER.indexOf(state);
        return i < 0 ? ORDER.size() : i;
    }
}
