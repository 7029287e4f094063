package org.innofund.declaration.application;

import org.innofund.declaration.domain.DeclarationEvents;
import jakarta.enterprise.event.Event;
import org.innofund.shared.event.DomainEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.innofund.declaration.domain.Attachment;
import org.innofund.declaration.domain.Declaration;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.DeclarationTransition;
import org.innofund.declaration.domain.Problem;
import org.innofund.declaration.domain.kind.SubmissionCheck;
import org.innofund.declaration.infrastructure.DeclarationPdf;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.application.People;
import org.innofund.identity.application.PersonView;
import org.innofund.identity.domain.Organisation;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.integrity.application.IntegrityRegistry;
import org.innofund.integrity.domain.IntegrityRecord;
import org.innofund.program.domain.FundingCall;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Versions;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The enterprise's work on its declarations: start, save, check, submit, and read (with the bureau). */
@Stateless
public class DeclarationService {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private People people;

    @EJB
    private DeclarationAccess access;

    @EJB
    private IntegrityRegistry integrity;

    @EJB
    private ReceiptNumbers receiptNumbers;

    @EJB
    private AttachmentService attachmentService;

    @Inject
    private Event<DomainEvent> events;

    @Inject
    private DeclarationPdf pdf;

    /**
     * A new draft in a published call, within the call's number of declarations per enterprise. The enterprise is
     * locked first, so that two starts at once by the same enterprise cannot both count the same declarations.
     */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public DeclarationDetail start(@NotNull Long callId) {
        UserAccount user = currentUser.require();
        FundingCall call = em.find(FundingCall.class, callId);
        if (call == null || call.getStatus() != org.innofund.program.domain.CallStatus.PUBLISHED) {
            throw BusinessException.notFound("call.notFound", callId);
        }
        Declaration d = Declaration.start(call, user.getOrganisation(), user.getUsername(), clock.instant()); // refused if closed
        Organisation enterprise = em.find(Organisation.class, user.getOrganisation().getId(), LockModeType.PESSIMISTIC_WRITE);
        List<Long> existing = em.createQuery("select d.id from Declaration d where d.call = :call and d.enterprise = :enterprise "
                        + "order by d.id", Long.class)
                .setParameter("call", call).setParameter("enterprise", enterprise).getResultList();
        if (existing.size() >= call.getDeclarationsPerEnterprise()) {
            throw BusinessException.conflict("declaration.limitPerEnterprise", call.getDeclarationsPerEnterprise(),
                    existing.stream().map(id -> "#" + id).collect(Collectors.joining(", ")));
        }
        em.persist(d);
        em.flush();
        events.fire(new DeclarationEvents.DeclarationStarted(currentUser.actor(), d.getId(), callId));
        return detail(d);
    }

    /** Saves the draft as it is; a stale version (someone saved in between) is refused. */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public DeclarationDetail save(@NotNull Long id, Long expectedVersion, @NotNull @Valid DeclarationContent content) {
        Declaration d = access.ownedForWrite(id);
        Versions.requireCurrent(d.getVersion(), expectedVersion);
        d.edit(content);
        Versions.flush(em);
        events.fire(new DeclarationEvents.DeclarationSaved(currentUser.actor(), id));
        return detail(d);
    }

    /** Checks everything at once and submits, or refuses listing every problem. */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public DeclarationDetail submit(@NotNull Long id, Long expectedVersion) {
        Declaration d = access.ownedForChange(id);
        Versions.requireCurrent(d.getVersion(), expectedVersion);
        Instant now = clock.instant();
        UserAccount submitter = currentUser.require();
        d.submit(submitter.getUsername(), now, problems(d));
        receiptNumbers.assignOnFirstSubmission(d);
        Versions.flush(em);
        em.createNativeQuery("insert into declaration_revision (declaration_id, revision, submitted_at, content) "
                        + "values (?, ?, ?, ?)")
                .setParameter(1, d.getId()).setParameter(2, d.getRevision())
                .setParameter(3, java.time.LocalDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .setParameter(4, JSONB.toJson(new SubmittedRevision(d.content(), attachments(d))))
                .executeUpdate();
        events.fire(new DeclarationEvents.DeclarationSubmitted(submitter.actor(), id, d.getRevision()));
        return detail(d);
    }

    /** The enterprise sees its declaration as it stands; the bureau, and an agency it is assigned to, as last submitted. */
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.AGENCY})
    public DeclarationDetail get(@NotNull Long id) {
        Declaration d = access.readable(id);
        return access.seesLiveDeclaration(d) ? detail(d) : submitted(d);
    }

    /**
     * Many declarations as {@link #get} answers the bureau and an agency (as last submitted), in a few queries for all
     * (a bulk evaluation upload reads hundreds). An id the caller may not read is left out (and audited).
     */
    @RolesAllowed({Role.Names.AGENCY, Role.Names.REVIEWER, Role.Names.APPROVER})
    public Map<Long, DeclarationSummary> submittedSummaries(@NotNull Collection<Long> ids) {
        List<DeclarationSummary> rows = access.readableAsSubmitted(ids).values().stream()
                .map(s -> DeclarationSummary.asSubmitted(s.declaration(), s.revision().content(), false)).toList();
        return DeclarationSummary.markBlacklisted(rows,
                        usccs -> integrity.inForceAmong(IntegrityRecord.SubjectKind.ENTERPRISE, usccs)).stream()
                .collect(Collectors.toMap(DeclarationSummary::id, r -> r));
    }

    /** The content of each submitted revision, oldest first (a return and a resubmission keep both). */
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.REVIEWER, Role.Names.APPROVER})
    public Map<Integer, String> revisions(@NotNull Long id) {
        return access.submittedRevisions(access.readable(id));
    }

    /**
     * Each submitted revision as the declaration read then, with what changed from the one before it (历次提交与修改对比),
     * oldest first, for whoever may read the declaration.
     */
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.REVIEWER, Role.Names.APPROVER})
    public List<ArchivedDeclaration> archive(@NotNull Long id) {
        Declaration d = access.readable(id);
        List<TransitionView> history = history(d);
        List<DeclarationAccess.ArchivedRevision> revisions = access.archivedRevisions(d);
        List<ArchivedDeclaration> archive = new java.util.ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            DeclarationAccess.ArchivedRevision r = revisions.get(i);
            archive.add(new ArchivedDeclaration(r.number(), r.submittedAt(), asSubmitted(d, r.revision(), history),
                    i == 0 ? null : RevisionDiff.between(revisions.get(i - 1).number(), revisions.get(i - 1).revision(),
                            r.number(), r.revision())));
        }
        return archive;
    }

    /** 修改对比: what changed from submitted revision {@code revision - 1} to {@code revision} ("not found" without both). */
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.REVIEWER, Role.Names.APPROVER})
    public RevisionChanges changes(@NotNull Long id, int revision) {
        Declaration d = access.readable(id);
        if (revision < 2) {
            throw BusinessException.notFound("declaration.revisionNotFound", id, revision - 1);
        }
        DeclarationAccess.ArchivedRevision before = access.submitted(d, revision - 1);
        DeclarationAccess.ArchivedRevision after = access.submitted(d, revision);
        return RevisionDiff.between(before.number(), before.revision(), after.number(), after.revision());
    }

    /**
     * 申报书: the PDF of submitted revision {@code revision} as archived at its submission, for whoever may read the
     * declaration (its enterprise, the bureau once it is submitted); a revision never submitted is "not found".
     */
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.REVIEWER, Role.Names.APPROVER})
    public byte[] printout(@NotNull Long id, int revision, Locale locale) {
        Declaration d = access.readable(id);
        DeclarationAccess.ArchivedRevision archived = access.submitted(d, revision);
        List<DeclarationPdf.PrintedFile> files = archived.revision().attachments().stream().filter(a -> !a.withdrawn())
                .map(a -> new DeclarationPdf.PrintedFile(a.slot(), a.originalName(), a.type(), a.sizeBytes(), a.sha256()))
                .toList();
        return pdf.render(new DeclarationPdf.Printout(d.getReceiptNumber(), d.getEnterprise().getName(),
                d.getEnterprise().getUscc().orElse(null), d.getCall().getTitle(), d.getCall().getProgram().getSubsidyKind(),
                archived.number(), archived.submittedAt(), archived.revision().content(), files), locale);
    }

    /** 撤回申报: the enterprise takes a submission back before the reviewer decides (409 once decided). */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public DeclarationDetail withdraw(@NotNull Long id, Long expectedVersion) {
        Declaration d = access.ownedForChange(id);
        Versions.requireCurrent(d.getVersion(), expectedVersion);
        d.withdraw(currentUser.require().getUsername(), clock.instant());
        Versions.flush(em);
        events.fire(new DeclarationEvents.DeclarationWithdrawn(currentUser.actor(), id, d.getReceiptNumber()));
        return detail(d);
    }

    /** 删除草稿: a draft never submitted goes, with its content, history and files. */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public void delete(@NotNull Long id, Long expectedVersion) {
        Declaration d = access.ownedForChange(id);
        Versions.requireCurrent(d.getVersion(), expectedVersion);
        d.requireDeletable();
        int files = attachmentService.deleteAll(d);
        em.remove(d);
        em.flush();
        events.fire(new DeclarationEvents.DraftDeleted(currentUser.actor(), id, d.getCall().getId(), files));
    }

    @RolesAllowed(Role.Names.ENTERPRISE)
    public List<DeclarationSummary> mine() {
        UserAccount user = currentUser.require();
        return em.createQuery("select d from Declaration d where d.enterprise.id = :org order by d.createdAt desc, d.id desc",
                        Declaration.class)
                .setParameter("org", user.getOrganisation().getId()).getResultList()
                .stream().map(d -> DeclarationSummary.of(d, false)).toList();
    }

    DeclarationDetail detail(Declaration d) {
        List<AttachmentView> attachments = attachments(d);
        return new DeclarationDetail(DeclarationSummary.of(d, blacklistEntry(d) != null), d.content(), attachments,
                history(d),
                d.getCall().getRequiredAttachments().stream().map(DeclarationDetail.RequirementView::of).toList(),
                d.isEditable() ? problems(d) : List.of(), d.isEditable());
    }

    /** The history, each step's actor as the reader may see them (one query for all the people in it). */
    private List<TransitionView> history(Declaration d) {
        Map<String, PersonView> byName = people.byUsernames(d.getTransitions().stream().map(DeclarationTransition::getActor).toList());
        UserAccount reader = currentUser.require();
        boolean enterpriseReads = reader.getOrganisation().getId().equals(d.getEnterprise().getId());
        return d.getTransitions().stream().map(t -> TransitionView.of(t, t.getActor() == null ? null
                : byName.get(UserAccount.normalise(t.getActor())).seenFrom(reader.getOrganisation().getId(), enterpriseReads)))
                .toList();
    }

    /** What the bureau reads: the last submitted content and files, with the declaration's state and history as they are. */
    private DeclarationDetail submitted(Declaration d) {
        return asSubmitted(d, access.lastSubmitted(d), history(d));
    }

    /** A submitted revision's content and files, with the declaration's state and history as they are now. */
    private DeclarationDetail asSubmitted(Declaration d, SubmittedRevision revision, List<TransitionView> history) {
        DeclarationSummary summary = DeclarationSummary.asSubmitted(d, revision.content(), blacklistEntry(d) != null);
        return new DeclarationDetail(summary, revision.content(), revision.attachments(),
                history,
                d.getCall().getRequiredAttachments().stream().map(DeclarationDetail.RequirementView::of).toList(),
                List.of(), false);
    }

    private List<Problem> problems(Declaration d) {
        Set<String> attached = attachments(d).stream().filter(a -> !a.withdrawn())
                .map(AttachmentView::requirement).collect(Collectors.toSet());
        return SubmissionCheck.problems(d.content(), d.getCall(), d.getEnterprise().getUscc().orElse(null), attached,
                blacklistEntry(d));
    }

    private String blacklistEntry(Declaration d) {
        return integrity.inForce(IntegrityRecord.SubjectKind.ENTERPRISE, d.getEnterprise().getUscc().orElse(null))
                .orElse(null);
    }

    private List<AttachmentView> attachments(Declaration d) {
        return em.createQuery("select a from Attachment a where a.declaration = :d order by a.uploadedAt, a.id", Attachment.class)
                .setParameter("d", d).getResultList().stream().map(AttachmentView::of).toList();
    }

    /** One submitted revision to read, and what changed from the revision before it (null for the first). */
    public record ArchivedDeclaration(int number, Instant submittedAt, DeclarationDetail declaration,
                                      RevisionChanges changes) implements java.io.Serializable {
    }

    /** What is kept of each submitted revision. */
    public record SubmittedRevision(DeclarationContent content, List<AttachmentView> attachments) {

        /** Whether the attachment was part of this revision (not withdrawn at its submission). */
        public boolean includes(Long attachmentId) {
            return attachments.stream().anyMatch(a -> a.id().equals(attachmentId) && !a.withdrawn());
        }
    }
}
