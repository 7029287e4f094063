package org.innofund.subsidy.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.Uscc;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Clocks;
import org.innofund.shared.Versions;
import org.innofund.shared.event.DomainEvent;
import org.innofund.subsidy.domain.EnterpriseController;
import org.innofund.subsidy.domain.ProviderEvents;
import org.innofund.subsidy.domain.ServiceProvider;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * 服务机构库 (SHARED_SERVICE): the reviewers keep the providers and the enterprises' actual controllers; a calculation
 * asks what the registry says of a provider on an invoice date.
 */
@Stateless
public class Providers {

    static final int CODES_PER_QUERY = 1000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private CurrentUser currentUser;

    @Inject
    private Event<DomainEvent> events;

    @RolesAllowed(Role.Names.REVIEWER)
    public List<ProviderView> list() {
        LocalDate today = today();
        return em.createQuery("select distinct p from ServiceProvider p left join fetch p.suspensions order by p.name, p.id",
                ServiceProvider.class).getResultList().stream().map(p -> ProviderView.of(p, today)).toList();
    }

    /** 登记: listed {@value ServiceProvider#PUBLICITY_DAYS} days after today (the bureau's date, by the server's clock). */
    @RolesAllowed(Role.Names.REVIEWER)
    public ProviderView register(@NotNull ProviderForm form) {
        Uscc uscc = parse(form.uscc());
        if (find(uscc.value()).isPresent()) {
            throw BusinessException.conflict("provider.exists", uscc.value());
        }
        ServiceProvider provider = new ServiceProvider(uscc, form.name(), form.local(), form.controller(), today(),
                currentUser.require().getUsername(), clock.instant());
        em.persist(provider);
        em.flush();
        events.fire(new ProviderEvents.ProviderRegistered(currentUser.actor(), provider.getId(), provider.getUscc(),
                provider.getName()));
        return ProviderView.of(provider, today());
    }

    /** Corrects name, locality and controller (not the USCC: that is another provider). */
    @RolesAllowed(Role.Names.REVIEWER)
    public ProviderView edit(@NotNull Long id, @NotNull ProviderForm form) {
        ServiceProvider provider = load(id);
        Versions.requireCurrent(provider.getVersion(), form.version());
        provider.describe(form.name(), form.local(), form.controller());
        Versions.flush(em);
        events.fire(new ProviderEvents.ProviderEdited(currentUser.actor(), provider.getId(), provider.getName(),
                provider.isLocal(), provider.getController()));
        return ProviderView.of(provider, today());
    }

    @RolesAllowed(Role.Names.REVIEWER)
    public ProviderView suspend(@NotNull Long id, @NotNull SuspensionForm form) {
        ServiceProvider provider = load(id);
        Versions.requireCurrent(provider.getVersion(), form.version());
        LocalDate today = today();
        provider.suspend(form.from(), form.until(), form.reason(), today, currentUser.require().getUsername(),
                clock.instant());
        em.lock(provider, LockModeType.OPTIMISTIC_FORCE_INCREMENT); // a new suspension is a change of the provider
        Versions.flush(em);
        events.fire(new ProviderEvents.ProviderSuspended(currentUser.actor(), provider.getId(), form.from(), form.until(),
                form.reason().strip()));
        return ProviderView.of(provider, today);
    }

    /** Records (or corrects) an enterprise's actual controller; a correction carries the version read. */
    @RolesAllowed(Role.Names.REVIEWER)
    public ControllerView recordController(String enterpriseUscc, String controller, Long version) {
        Uscc uscc = parse(enterpriseUscc);
        String by = currentUser.require().getUsername();
        EnterpriseController record = controllerRecord(uscc.value()).orElse(null);
        if (record == null) {
            record = new EnterpriseController(uscc, controller, by, clock.instant());
            em.persist(record);
        } else {
            Versions.requireCurrent(record.getVersion(), version);
            record.record(controller, by, clock.instant());
        }
        Versions.flush(em);
        events.fire(new ProviderEvents.ControllerRecorded(currentUser.actor(), record.getUscc(), record.getController()));
        return new ControllerView(record.getUscc(), record.getController(), record.getVersion());
    }

    @RolesAllowed(Role.Names.REVIEWER)
    public Optional<ControllerView> controller(String enterpriseUscc) {
        return controllerRecord(parse(enterpriseUscc).value())
                .map(c -> new ControllerView(c.getUscc(), c.getController(), c.getVersion()));
    }

    /** What the registry says of a provider on that day; an unknown provider is not listed. */
    @PermitAll
    public ProviderFacts factsOn(String providerUscc, LocalDate date) {
        return find(providerUscc).map(p -> facts(p, date)).orElse(ProviderFacts.UNKNOWN);
    }

    /** The providers of these codes, by USCC, suspensions loaded: a whole call's invoices in a few queries. */
    @PermitAll
    public Map<String, ServiceProvider> providersAmong(Collection<String> usccs) {
        Map<String, ServiceProvider> found = new HashMap<>();
        inChunks(usccs, codes -> em.createQuery("select distinct p from ServiceProvider p left join fetch p.suspensions "
                + "where p.uscc in :codes", ServiceProvider.class).setParameter("codes", codes).getResultList()
                .forEach(p -> found.put(p.getUscc(), p)));
        return found;
    }

    /** The recorded actual controllers of these enterprises, by USCC (absent: not recorded). */
    @PermitAll
    public Map<String, String> controllersAmong(Collection<String> usccs) {
        Map<String, String> found = new HashMap<>();
        inChunks(usccs, codes -> em.createQuery("select c from EnterpriseController c where c.uscc in :codes",
                EnterpriseController.class).setParameter("codes", codes).getResultList()
                .forEach(c -> found.put(c.getUscc(), c.getController())));
        return found;
    }

    public static ProviderFacts facts(ServiceProvider provider, LocalDate date) {
        return provider == null ? ProviderFacts.UNKNOWN
                : new ProviderFacts(provider.countsOn(date), provider.isLocal(), provider.getController());
    }

    /** Runs the query once per {@value #CODES_PER_QUERY} distinct values (Oracle's limit for an IN list). */
    static <T> void inChunks(Collection<T> values, Consumer<List<T>> query) {
        List<T> codes = List.copyOf(new HashSet<>(values));
        for (int from = 0; from < codes.size(); from += CODES_PER_QUERY) {
            query.accept(codes.subList(from, Math.min(codes.size(), from + CODES_PER_QUERY)));
        }
    }

    private Optional<ServiceProvider> find(String uscc) {
        if (uscc == null) {
            return Optional.empty();
        }
        return em.createQuery("select p from ServiceProvider p where p.uscc = :uscc", ServiceProvider.class)
                .setParameter("uscc", uscc.strip().toUpperCase(Locale.ROOT)).getResultStream().findFirst();
    }

    private Optional<EnterpriseController> controllerRecord(String uscc) {
        return em.createQuery("select c from EnterpriseController c where c.uscc = :uscc", EnterpriseController.class)
                .setParameter("uscc", uscc).getResultStream().findFirst();
    }

    private ServiceProvider load(Long id) {
        ServiceProvider provider = em.find(ServiceProvider.class, id);
        if (provider == null) {
            throw BusinessException.notFound("provider.notFound", String.valueOf(id));
        }
        return provider;
    }

    private static Uscc parse(String uscc) {
        return Uscc.parse(uscc == null ? "" : uscc.toUpperCase(Locale.ROOT));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BUREAU_ZONE));
    }
}
