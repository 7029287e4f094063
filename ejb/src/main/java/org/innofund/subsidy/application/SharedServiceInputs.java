package org.innofund.subsidy.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.declaration.domain.Declaration;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.DeclarationState;
import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.project.domain.Project;
import org.innofund.project.domain.ProjectState;
import org.innofund.shared.Money;
import org.innofund.subsidy.domain.ServiceProvider;
import org.innofund.subsidy.infrastructure.VoucherApprovals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SHARED_SERVICE call's enterprises (创新券): the declarations on its approved list whose publicity ended, each service
 * record with what the provider registry says on its invoice date, whether it is a related party's (the enterprise
 * itself, or the same actual controller as the provider), whether the same invoice number was claimed by an earlier
 * submission of any call, whether it is the enterprise's first voucher year (no voucher paid by an approved run of an
 * earlier year) and what the approved runs of the year's other voucher calls gave it (its cap is what is left). Read in
 * bulk: a few queries per call.
 */
@ApplicationScoped
public class SharedServiceInputs implements InputSource {

    /** Declarations whose claims count against a later one: submitted and not withdrawn or rejected. */
    static final Set<DeclarationState> CLAIMING = EnumSet.of(DeclarationState.SUBMITTED, DeclarationState.ACCEPTED,
            DeclarationState.RETURNED);

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Providers providers;

    @Inject
    private VoucherApprovals vouchers;

    @Override
    public List<Candidate> candidates(FundingCall call) {
        if (call.getProgram().getSubsidyKind() != SubsidyKind.SHARED_SERVICE) {
            return List.of();
        }
        List<Long> declarationIds = em.createQuery("select p.declarationId from Project p where p.callId = :call "
                + "and p.state = :publicized order by p.declarationId", Long.class).setParameter("call", call.getId())
                .setParameter("publicized", ProjectState.PUBLICIZED).getResultList();
        List<Declaration> declarations = new ArrayList<>();
        Providers.inChunks(declarationIds, ids -> declarations.addAll(em.createQuery("select d from Declaration d "
                + "join fetch d.enterprise where d.id in :ids", Declaration.class).setParameter("ids", ids).getResultList()));
        declarations.sort(Comparator.comparing(Declaration::getId));
        Map<Long, DeclarationContent> contents = new HashMap<>();
        Set<String> providerCodes = new HashSet<>();
        Set<String> invoices = new HashSet<>();
        Set<String> enterpriseCodes = new HashSet<>();
        for (Declaration d : declarations) {
            DeclarationContent c = d.content();
            contents.put(d.getId(), c);
            c.serviceRecords().forEach(s -> {
                if (s.providerUscc() != null) {
                    providerCodes.add(s.providerUscc());
                }
                if (s.invoiceNo() != null) {
                    invoices.add(s.invoiceNo());
                }
            });
            d.getEnterprise().getUscc().ifPresent(enterpriseCodes::add);
        }
        Map<String, ServiceProvider> registry = providers.providersAmong(providerCodes);
        Map<String, String> controllers = providers.controllersAmong(enterpriseCodes);
        Map<String, List<Claim>> claims = claimsOf(invoices);
        Set<String> usedVouchersBefore = vouchers.usedBefore(call.getYear(), enterpriseCodes);
        Map<String, Money> vouchersElsewhere = vouchers.byEnterpriseThisYear(call);
        List<Candidate> candidates = new ArrayList<>();
        for (Declaration d : declarations) {
            String uscc = d.getEnterprise().getUscc().orElse(null);
            String controller = uscc == null ? null : controllers.get(uscc);
            List<KindInputs.ServiceClaim> records = contents.get(d.getId()).serviceRecords().stream().map(s -> {
                ServiceProvider provider = s.providerUscc() == null ? null : registry.get(s.providerUscc());
                ProviderFacts facts = s.invoiceDate() == null ? ProviderFacts.UNKNOWN
                        : Providers.facts(provider, s.invoiceDate());
                return new KindInputs.ServiceClaim(s.providerUscc(), s.invoiceNo(), s.invoiceDate(),
                        Money.ofNullable(s.amount()), facts.listed(), facts.local(),
                        related(uscc, controller, s.providerUscc(), facts.controller()),
                        claimedBefore(claims.get(s.invoiceNo()), d.getId(), d.getSubmittedAt()));
            }).toList();
            // not registered (no USCC): nothing to find, its first year
            KindInputs inputs = new KindInputs.SharedService(!usedVouchersBefore.contains(uscc),
                    uscc == null ? Money.ZERO : vouchersElsewhere.getOrDefault(uscc, Money.ZERO), records,
                    Map.of("records", KindInputs.FigureSource.DECLARED));
            candidates.add(new Candidate(d.getEnterprise().getId(), uscc, controller, d.getSubmittedAt(), inputs,
                    "declaration:" + d.getId()));
        }
        return candidates;
    }

    /** One declaration's claim of an invoice number. */
    record Claim(long declarationId, Instant submittedAt) {
    }

    /** Every claiming declaration of these invoice numbers, any call. */
    private Map<String, List<Claim>> claimsOf(Collection<String> invoices) {
        Map<String, List<Claim>> claims = new HashMap<>();
        Providers.inChunks(List.copyOf(invoices), nos -> em.createQuery("select s.invoiceNo, d.id, d.submittedAt from Declaration d "
                        + "join d.serviceRecords s where s.invoiceNo in :nos and d.state in :claiming", Object[].class)
                .setParameter("nos", nos).setParameter("claiming", CLAIMING).getResultList()
                .forEach(row -> claims.computeIfAbsent((String) row[0], n -> new ArrayList<>())
                        .add(new Claim((Long) row[1], (Instant) row[2]))));
        return claims;
    }

    /**
     * Claimed by another declaration submitted before this one (at the same instant, the lower id came first), so that
     * of two claims of one invoice exactly the earlier counts.
     */
    static boolean claimedBefore(List<Claim> claims, long declarationId, Instant submittedAt) {
        if (claims == null || submittedAt == null) {
            return false;
        }
        return claims.stream().anyMatch(c -> c.declarationId() != declarationId && c.submittedAt() != null
                && (c.submittedAt().isBefore(submittedAt)
                || (c.submittedAt().equals(submittedAt) && c.declarationId() < declarationId)));
    }

    /** 关联交易: the enterprise buys from itself, or from a company of its own actual controller (both recorded). */
    static boolean related(String enterpriseUscc, String enterpriseController, String providerUscc,
                           String providerController) {
        return (enterpriseUscc != null && enterpriseUscc.equals(providerUscc))
                || (enterpriseController != null && enterpriseController.equals(providerController));
    }
}
