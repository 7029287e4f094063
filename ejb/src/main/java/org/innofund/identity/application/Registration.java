package org.innofund.identity.application;

import org.innofund.identity.domain.IdentityEvents;
import jakarta.enterprise.event.Event;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.FormCheck;
import org.innofund.shared.InvalidFormException;
import org.innofund.shared.event.DomainEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import org.innofund.identity.domain.Organisation;
import org.innofund.identity.domain.PasswordPolicy;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.Uscc;
import org.innofund.identity.domain.UserAccount;
import org.innofund.identity.infrastructure.PasswordHasher;
import org.innofund.shared.BusinessException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Enterprise self-registration: one organisation per USCC, with its first user. */
@Stateless
@PermitAll
public class Registration {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private Clock clock;

    @Inject
    private Event<DomainEvent> events;

    @EJB
    private Accounts accounts;

    @Inject
    private Validator validator;

    /** Registers, or refuses with every problem of every field at once ({@link InvalidFormException}). */
    public CallerView registerEnterprise(@NotNull EnterpriseRegistration form) {
        check(form).refuseIfAny();
        Uscc uscc = Uscc.parse(form.uscc().toUpperCase(java.util.Locale.ROOT));
        if (accounts.usccTaken(uscc.value())) {
            throw BusinessException.conflict("registration.usccTaken", uscc.value());
        }
        accounts.requireUsernameFree(form.username());
        Instant now = clock.instant();
        Organisation enterprise = Organisation.enterprise(form.companyName(), uscc, form.contactName().strip(),
                form.contactPhone().strip(), now);
        em.persist(enterprise);
        UserAccount user = new UserAccount(form.username(), form.contactName(), hasher.hash(form.password()),
                enterprise, Set.of(Role.ENTERPRISE), now);
        em.persist(user);
        // A concurrent registration of the same USCC or name fails here on the unique constraints.
        accounts.flushUnique("registration.usccTaken", uscc.value());
        accounts.forgetFailedLogins(user.getUsername());
        events.fire(new IdentityEvents.EnterpriseRegistered(user.actor(), enterprise.getId(), uscc.value()));
        return CallerView.of(user);
    }

    /** What {@link #registerEnterprise} would refuse in the form as it stands, field by field; nothing is written. */
    public List<FieldProblem> problems(@NotNull EnterpriseRegistration form) {
        return check(form).problems();
    }

    private FormCheck check(EnterpriseRegistration form) {
        FormCheck check = FormCheck.of(validator.validate(form));
        if (!check.has("uscc")) {
            check.rule("uscc", () -> Uscc.parse(form.uscc().toUpperCase(java.util.Locale.ROOT)));
        }
        if (!check.has("password")) {
            check.rule("password", () -> {
                PasswordPolicy.check(form.username(), form.password());
                return form.password();
            });
        }
        return check;
    }
}
