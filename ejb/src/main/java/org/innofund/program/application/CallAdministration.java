package org.innofund.program.application;

import org.innofund.identity.domain.UserAccount;
import org.innofund.program.domain.ProgramEvents;
import jakarta.enterprise.event.Event;
import org.innofund.shared.event.DomainEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.program.domain.AttachmentRequirement;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.Program;
import org.innofund.program.domain.ScoringIndicator;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Clocks;
import org.innofund.shared.FileType;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyAmount;
import org.innofund.shared.Versions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Set;

/** Programs and calls: reviewers prepare them, an approver publishes a call (and it is then frozen). */
@Stateless
public class CallAdministration {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private CurrentUser currentUser;

    @Inject
    private Event<DomainEvent> events;

    @RolesAllowed({Role.Names.REVIEWER, Role.Names.APPROVER})
    public List<ProgramView> programs() {
        // one query with the counts, whatever the number of programs
        return em.createQuery("select p, (select count(c) from FundingCall c where c.program = p) from Program p"
                        + " order by p.name, p.id", Object[].class).getResultList().stream()
                .map(r -> ProgramView.of((Program) r[0], (Long) r[1])).toList();
    }

    @RolesAllowed(Role.Names.REVIEWER)
    public ProgramView createProgram(@NotBlank @Size(max = Lengths.TITLE) String name, @NotNull SubsidyKind kind,
                                 @NotBlank @Size(max = Lengths.SHORT_NAME) String department) {
        Program p = new Program(name, kind, department, clock.instant());
        em.persist(p);
        em.flush();
        events.fire(new ProgramEvents.ProgramCreated(currentUser.actor(), p.getId(), kind));
        return ProgramView.of(p, 0);
    }

    /** This year in the bureau's calendar by the server's clock (which the tests can move): a new call's year, unless changed. */
    @RolesAllowed(Role.Names.REVIEWER)
    public int thisYear() {
        return Year.now(clock.withZone(Clocks.BUREAU_ZONE)).getValue();
    }

    /** All calls, drafts included, newest first. */
    @RolesAllowed({Role.Names.REVIEWER, Role.Names.APPROVER})
    public List<CallDetail> calls() {
        Instant now = clock.instant();
        return em.createQuery("select c from FundingCall c order by c.createdAt desc, c.id desc", FundingCall.class)
                .getResultList().stream().map(c -> CallDetail.of(c, now)).toList();
    }

    @RolesAllowed({Role.Names.REVIEWER, Role.Names.APPROVER})
    public CallDetail call(@NotNull Long id) {
        return CallDetail.of(find(id), clock.instant());
    }

    /** A draft call with the defaults of its program's kind (rule parameters, scoring template). */
    @RolesAllowed(Role.Names.REVIEWER)
    public CallDetail createCall(@NotNull Long programId, @NotBlank @Size(max = Lengths.TITLE) String title,
                                 @Min(FundingCall.MIN_YEAR) @Max(FundingCall.MAX_YEAR) int year,
                                 @NotNull Instant opensAt, @NotNull Instant closesAt, @NotNull @MoneyAmount BigDecimal budget,
                                 @MoneyAmount BigDecimal maxRequest, @Size(max = Lengths.LONG_TEXT) String guide) {
        Program program = em.find(Program.class, programId);
        if (program == null) {
            throw BusinessException.notFound("program.notFound", programId);
        }
        FundingCall call = FundingCall.draft(program, title, year, opensAt, closesAt, budget, maxRequest, guide,
                currentUser.require().getUsername(), clock.instant());
        em.persist(call);
        em.flush();
        events.fire(new ProgramEvents.CallCreated(currentUser.actor(), call.getId(), title));
        return CallDetail.of(call, clock.instant());
    }

    @RolesAllowed(Role.Names.REVIEWER)
    public CallDetail revise(@NotNull Long id, Long expectedVersion, @NotBlank @Size(max = Lengths.TITLE) String title,
                             @Min(FundingCall.MIN_YEAR) @Max(FundingCall.MAX_YEAR) int year,
                             @NotNull Instant opensAt, @NotNull Instant closesAt, @NotNull @MoneyAmount BigDecimal budget,
                             @MoneyAmount BigDecimal maxRequest, @Size(max = Lengths.LONG_TEXT) String guide) {
        FundingCall call = findForChange(id, expectedVersion);
        call.revise(title, year, opensAt, closesAt, budget, maxRequest, guide);
        return saved(call, new ProgramEvents.CallRevised(currentUser.actor(), call.getId()));
    }

    @RolesAllowed(Role.Names.REVIEWER)
    public CallDetail changeParameter(@NotNull Long id, Long expectedVersion, @NotBlank @Size(max = Lengths.SHORT_NAME) String name,
                                      @NotNull @Digits(integer = Money.INTEGER_DIGITS, fraction = 4) BigDecimal value) {
        FundingCall call = findForChange(id, expectedVersion);
        call.changeParameter(name, value);
        return saved(call, new ProgramEvents.CallParameterChanged(currentUser.actor(), call.getId(), name, value));
    }

    @RolesAllowed(Role.Names.REVIEWER)
    public CallDetail replaceRequiredAttachments(@NotNull Long id, Long expectedVersion,
            @NotNull @Size(max = CallDetail.MAX_ROWS) List<CallDetail.@NotNull @Valid Requirement> requirements) {
        FundingCall call = findForChange(id, expectedVersion);
        try {
            call.replaceRequiredAttachments(requirements.stream()
                    .map(r -> new AttachmentRequirement(r.name(), r.required(), FileType.parseList(r.allowedTypes()))).toList());
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid("call.requirementTypes", e.getMessage());
        }
        return saved(call, new ProgramEvents.CallAttachmentsReplaced(currentUser.actor(), call.getId(), requirements.size()));
    }

    @RolesAllowed(Role.Names.REVIEWER)
    public CallDetail replaceScoringTemplate(@NotNull Long id, Long expectedVersion,
            @NotNull @Size(max = CallDetail.MAX_ROWS) List<CallDetail.@NotNull @Valid Indicator> indicators) {
        FundingCall call = findForChange(id, expectedVersion);
        call.replaceScoringTemplate(indicators.stream().map(i -> new ScoringIndicator(i.name(), i.weight())).toList());
        return saved(call, new ProgramEvents.CallTemplateReplaced(currentUser.actor(), call.getId(), indicators.size()));
    }

    /** The evaluation stages of the draft's projects and whether a consolidated sheet (汇总评分表) is taken. */
    @RolesAllowed(Role.Names.REVIEWER)
    public CallDetail changeEvaluation(@NotNull Long id, Long expectedVersion, Set<EvaluationStage> stages,
                                       boolean consolidatedSheetAllowed) {
        FundingCall call = findForChange(id, expectedVersion);
        call.changeEvaluation(stages, consolidatedSheetAllowed);
        return saved(call, new ProgramEvents.CallRevised(currentUser.actor(), call.getId()));
    }

    /** 发布: by an approver who did not prepare the call. */
    @RolesAllowed(Role.Names.APPROVER)
    public CallDetail publish(@NotNull Long id, Long expectedVersion) {
        FundingCall call = findForChange(id, expectedVersion);
        UserAccount approver = currentUser.require();
        call.publish(approver.getUsername(), clock.instant());
        return saved(call, new ProgramEvents.CallPublished(approver.actor(), call.getId()));
    }

    /** 退回起草人: the draft stays a draft, with the approver's opinion for its preparer. */
    @RolesAllowed(Role.Names.APPROVER)
    public CallDetail returnToPreparer(@NotNull Long id, Long expectedVersion,
                                       @NotBlank @Size(max = Lengths.REASON) String opinion) {
        FundingCall call = findForChange(id, expectedVersion);
        UserAccount approver = currentUser.require();
        call.returnToPreparer(approver.getUsername(), opinion, clock.instant());
        return saved(call, new ProgramEvents.CallReturned(approver.actor(), call.getId(), call.getReturnOpinion()));
    }

    private FundingCall find(Long id) {
        FundingCall call = em.find(FundingCall.class, id);
        if (call == null) {
            throw BusinessException.notFound("call.notFound", id);
        }
        return call;
    }

    private FundingCall findForChange(Long id, Long expectedVersion) {
        FundingCall call = find(id);
        Versions.requireCurrent(call.getVersion(), expectedVersion);
        return call;
    }

    private CallDetail saved(FundingCall call, DomainEvent event) {
        Versions.flush(em);
        events.fire(event);
        return CallDetail.of(call, clock.instant());
    }
}
