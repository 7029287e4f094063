package org.innofund.program.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.program.domain.CallNotice;
import org.innofund.program.domain.CallStatus;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.ProgramEvents;
import org.innofund.program.infrastructure.CallNoticeContentStore;
import org.innofund.shared.BusinessException;
import org.innofund.shared.UploadInspector;
import org.innofund.shared.Versions;
import org.innofund.shared.event.DomainEvent;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Optional;

/**
 * 正式通知: the official notice of a call as a file. Its preparers (reviewers) upload it on the draft, checked by content
 * as attachments are and stored in the database; the public reads it once the call is published, the bureau before.
 */
@Stateless
public class CallNotices {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private CallNoticeContentStore store;

    @EJB
    private CurrentUser currentUser;

    @Resource
    private SessionContext context;

    @Inject
    private Event<DomainEvent> events;

    /**
     * Uploads or replaces the notice of a draft call read at {@code expectedVersion}. The call's state and version are
     * checked before a byte is read; the upload then raises the call's version, so that a publication or another upload
     * made meanwhile makes one of the two fail (409) and a published call never gets a new notice.
     */
    @RolesAllowed(Role.Names.REVIEWER)
    public NoticeView upload(@NotNull Long callId, Long expectedVersion, String originalName, @NotNull InputStream content) {
        FundingCall call = findForChange(callId, expectedVersion);
        UploadInspector.Inspected file = inspect(content);
        try {
            CallNotice.requireAllowed(file.type());
            em.lock(call, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            UserAccount uploader = currentUser.require();
            CallNotice notice = em.find(CallNotice.class, callId);
            if (notice == null) {
                notice = new CallNotice(callId, originalName, file.type(), file.size(), file.sha256(), uploader.getUsername(),
                        clock.instant());
                em.persist(notice);
            } else {
                notice.replace(originalName, file.type(), file.size(), file.sha256(), uploader.getUsername(), clock.instant());
                store.delete(callId);
            }
            Versions.flush(em);
            store.store(callId, file.file(), file.size());
            events.fire(new ProgramEvents.CallNoticeUploaded(uploader.actor(), callId, file.type(), file.size(), file.sha256(),
                    notice.getOriginalName()));
            return NoticeView.of(notice, call.getVersion());
        } finally {
            file.discard();
        }
    }

    /** The file checked as any upload is; "not a kind the product knows" is said in a notice's terms. */
    private static UploadInspector.Inspected inspect(InputStream content) {
        try {
            return UploadInspector.inspect(content, CallNotice.MAX_BYTES);
        } catch (BusinessException e) {
            throw "attachment.typeNotAllowed".equals(e.messageKey()) ? CallNotice.typeRefused() : e;
        }
    }

    /** The call's notice, if it has one, for whoever may read the call (see {@link #readable}). */
    @PermitAll
    public Optional<NoticeView> notice(@NotNull Long callId) {
        FundingCall call = readable(callId);
        return Optional.ofNullable(em.find(CallNotice.class, callId)).map(n -> NoticeView.of(n, call.getVersion()));
    }

    /** Streams the notice's file to the output, for whoever may read the call. */
    @PermitAll
    public void download(@NotNull Long callId, @NotNull OutputStream out) {
        readable(callId);
        if (!store.copyTo(callId, out)) {
            throw BusinessException.notFound("notice.notFound", callId);
        }
    }

    /** A published call for anyone; a draft only for the bureau, which prepares and publishes it (for others: not found). */
    private FundingCall readable(Long callId) {
        FundingCall call = em.find(FundingCall.class, callId);
        boolean bureau = context.isCallerInRole(Role.Names.REVIEWER) || context.isCallerInRole(Role.Names.APPROVER);
        if (call == null || call.getStatus() != CallStatus.PUBLISHED && !bureau) {
            throw BusinessException.notFound("call.notFound", callId);
        }
        return call;
    }

    private FundingCall findForChange(Long callId, Long expectedVersion) {
        FundingCall call = em.find(FundingCall.class, callId);
        if (call == null) {
            throw BusinessException.notFound("call.notFound", callId);
        }
        call.requireNoticeReplaceable();
        Versions.requireCurrent(call.getVersion(), expectedVersion);
        return call;
    }
}
