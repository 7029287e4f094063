package org.innofund.declaration.application;

import org.innofund.identity.domain.UserAccount;
import org.innofund.declaration.domain.DeclarationEvents;
import jakarta.enterprise.event.Event;
import org.innofund.shared.event.DomainEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.innofund.declaration.domain.Attachment;
import org.innofund.declaration.domain.Declaration;
import org.innofund.declaration.domain.DeclarationAction;
import org.innofund.declaration.infrastructure.AttachmentContentStore;
import org.innofund.shared.UploadInspector;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.program.domain.AttachmentRequirement;
import org.innofund.shared.BusinessException;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Attachments of a declaration: checked by content, stored in the database, replaced while the declaration can still
 * be edited (a file a submitted revision lists is kept), and served only to those who may read the declaration.
 */
@Stateless
public class AttachmentService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AttachmentContentStore store;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private DeclarationAccess access;

    @Inject
    private Event<DomainEvent> events;

    /**
     * Attaches a file for one of the call's requirements, replacing the one attached before for it. Ownership and
     * state are checked before a byte is read, and the content is checked whole while no lock is held; then the
     * declaration is locked (as a submission locks it) and its state checked again before anything is stored.
     */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public AttachmentView upload(@NotNull Long declarationId, @NotNull String requirementName, String originalName,
                                 @NotNull InputStream content) {
        requirementOf(allowing(access.ownedForWrite(declarationId), DeclarationAction.ATTACH_FILE), requirementName);
        return attach(declarationId, d -> requirementOf(d, requirementName), null, originalName, content);
    }

    /**
     * 其他材料: attaches a file the call did not list, with what it is; several may be attached, none is required. The
     * same checks as for a listed requirement (type by content, size, the declaration's total, the hash).
     */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public AttachmentView uploadOther(@NotNull Long declarationId, String description, String originalName,
                                      @NotNull InputStream content) {
        allowing(access.ownedForWrite(declarationId), DeclarationAction.ATTACH_FILE);
        Attachment.describing(description); // refused before a byte is read
        return attach(declarationId, d -> AttachmentRequirement.otherMaterials(), description, originalName, content);
    }

    /** Checks and stores the file for the slot (a requirement of the call, or other materials with a description). */
    private AttachmentView attach(Long declarationId, Function<Declaration, AttachmentRequirement> slot, String description,
                                  String originalName, InputStream content) {
        UploadInspector.Inspected file = UploadInspector.inspect(content, Attachment.MAX_BYTES);
        try {
            Declaration d = allowing(access.ownedForChange(declarationId), DeclarationAction.ATTACH_FILE);
            AttachmentRequirement requirement = slot.apply(d);
            if (!requirement.allows(file.type())) {
                throw BusinessException.invalid("attachment.typeNotForRequirement", file.type(), requirement.getName());
            }
            // a listed requirement holds one file, replaced by the next; other materials are several
            List<Attachment> replaced = requirement.isOtherMaterials() ? List.of() : em.createQuery("select a from Attachment a "
                            + "where a.declaration = :d and a.requirement = :r and a.withdrawn = :withdrawn", Attachment.class)
                    .setParameter("d", d).setParameter("withdrawn", false).setParameter("r", requirement.getName())
                    .getResultList();
            long replacedBytes = replaced.stream().mapToLong(Attachment::getSizeBytes).sum();
            if (currentBytes(d) - replacedBytes + file.size() > Attachment.MAX_BYTES_PER_DECLARATION) {
                throw BusinessException.invalid("attachment.declarationFull", Attachment.MAX_BYTES_PER_DECLARATION / (1024 * 1024));
            }
            replaced.forEach(this::withdraw);
            UserAccount uploader = currentUser.require();
            Attachment attachment = requirement.isOtherMaterials()
                    ? Attachment.otherMaterial(d, description, originalName, file.type(), file.size(), file.sha256(),
                            uploader.getUsername(), clock.instant())
                    : new Attachment(d, requirement.getName(), originalName, file.type(), file.size(), file.sha256(),
                            uploader.getUsername(), clock.instant());
            em.persist(attachment);
            em.flush();
            store.store(attachment.getId(), file.file(), file.size());
            events.fire(new DeclarationEvents.AttachmentUploaded(uploader.actor(), d.getId(), attachment.getId(),
                    file.type(), file.size(), file.sha256()));
            return AttachmentView.of(attachment);
        } finally {
            file.discard();
        }
    }

    /**
     * Takes an attachment off a declaration still being edited, under the lock a submission takes. A file that a
     * submitted revision lists stays stored; one no revision ever listed is deleted, content and all.
     */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public void withdraw(@NotNull Long declarationId, @NotNull Long attachmentId) {
        Declaration d = allowing(access.ownedForChange(declarationId), DeclarationAction.WITHDRAW_FILE);
        Attachment a = find(d, attachmentId);
        if (!a.isWithdrawn()) {
            withdraw(a);
        }
        events.fire(new DeclarationEvents.AttachmentWithdrawn(currentUser.actor(), d.getId(), attachmentId));
    }

    /**
     * Deletes every file of a draft being deleted, rows and content (a draft was never submitted: no revision rests on
     * them); the caller holds the declaration's lock. Returns how many there were.
     */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public int deleteAll(@NotNull Declaration d) {
        d.requireDeletable();
        List<Attachment> all = em.createQuery("select a from Attachment a where a.declaration = :d", Attachment.class)
                .setParameter("d", d).getResultList();
        for (Attachment a : all) {
            store.delete(a.getId());
            em.remove(a);
        }
        return all.size();
    }

    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.AGENCY})
    public AttachmentView describe(@NotNull Long declarationId, @NotNull Long attachmentId) {
        return AttachmentView.of(readable(declarationId, attachmentId));
    }

    /**
     * Streams the content to the output, for whoever may read the declaration: an agency only once it declared no
     * conflict on its assignment ({@link DeclarationAccess} asks the evaluation context).
     */
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.AGENCY})
    public void download(@NotNull Long declarationId, @NotNull Long attachmentId, @NotNull OutputStream out) {
        Attachment a = readable(declarationId, attachmentId);
        if (!store.copyTo(a.getId(), out)) {
            throw BusinessException.notFound("attachment.notFound", attachmentId);
        }
    }

    /**
     * The enterprise reads any file of its declaration; the bureau and an assigned agency only those of the last
     * submitted revision.
     */
    private Attachment readable(Long declarationId, Long attachmentId) {
        Declaration d = access.readable(declarationId);
        Attachment a = find(d, attachmentId);
        if (!access.seesLiveDeclaration(d) && !access.lastSubmitted(d).includes(a.getId())) {
            throw BusinessException.notFound("attachment.notFound", attachmentId);
        }
        return a;
    }

    private void withdraw(Attachment a) {
        a.withdraw();
        if (!a.isPartOfASubmission()) {
            // nothing rests on it: keep neither the row nor the content, so replacing a file never fills the database
            store.delete(a.getId());
            em.remove(a);
        }
    }

    private static Declaration allowing(Declaration d, DeclarationAction action) {
        d.require(action);
        return d;
    }

    private static AttachmentRequirement requirementOf(Declaration d, String name) {
        return d.getCall().requirement(name).orElseThrow(() -> BusinessException.invalid("attachment.unknownRequirement", name));
    }

    /** The bytes of the files attached now (withdrawn ones do not count). */
    private long currentBytes(Declaration d) {
        // Oracle answers SUM with a NUMBER of its own choosing: read it as a Number
        return ((Number) em.createQuery("select coalesce(sum(a.sizeBytes), 0) from Attachment a "
                        + "where a.declaration = :d and a.withdrawn = :withdrawn")
                .setParameter("d", d).setParameter("withdrawn", false).getSingleResult()).longValue();
    }

    private Attachment find(Declaration d, Long attachmentId) {
        Attachment a = em.find(Attachment.class, attachmentId);
        if (a == null || !a.getDeclaration().getId().equals(d.getId())) {
            throw BusinessException.notFound("attachment.notFound", attachmentId);
        }
        return a;
    }
}
