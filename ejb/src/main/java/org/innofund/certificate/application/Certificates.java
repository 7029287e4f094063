package org.innofund.certificate.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.innofund.certificate.domain.Certificate;
import org.innofund.certificate.domain.CertificateContentJson;
import org.innofund.certificate.domain.CertificateEvents;
import org.innofund.certificate.domain.CertificateType;
import org.innofund.certificate.domain.DocumentHash;
import org.innofund.certificate.domain.VerificationCode;
import org.innofund.certificate.infrastructure.ConfirmationZip;
import org.innofund.certificate.infrastructure.CertificateSigner;
import org.innofund.certificate.infrastructure.SignatureCheck;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.shared.BusinessException;
import org.innofund.shared.RequestOrigin;
import org.innofund.shared.Versions;
import org.innofund.shared.event.DomainEvent;
import org.innofund.subsidy.domain.CalculationRun;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;

/**
 * 证书: who sees which document. The enterprise its own (from its project pages and its list), the bureau's staff any;
 * anyone else is answered "not found" (audited). The public verification tells anyone what a code or an uploaded PDF
 * is, rate limited per client address; an approver revokes a document with a reason.
 */
@Stateless
@RolesAllowed({Role.Names.ENTERPRISE, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.FINANCE})
public class Certificates {

    /** The largest PDF the public verification reads (an issued one is under 60 KB). */
    public static final int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private CertificateFiles files;

    @EJB
    private VerificationLimit limit;

    @Inject
    private CertificateSigner signer;

    @Inject
    private RequestOrigin origin;

    @Inject
    private Event<DomainEvent> events;

    /** The caller's enterprise's documents, newest first. */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public List<CertificateView> mine() {
        return em.createQuery("select c from Certificate c where c.enterpriseId = :e order by c.createdAt desc, c.id desc",
                        Certificate.class).setParameter("e", currentUser.require().getOrganisation().getId())
                .getResultStream().map(CertificateView::of).toList();
    }

    /** A project's documents, oldest first: the enterprise sees them only for its own project (none otherwise). */
    public List<CertificateView> ofProject(long projectId) {
        UserAccount user = currentUser.require();
        var query = isBureau(user)
                ? em.createQuery("select c from Certificate c where c.projectId = :p order by c.createdAt, c.id", Certificate.class)
                : em.createQuery("select c from Certificate c where c.projectId = :p and c.enterpriseId = :e"
                        + " order by c.createdAt, c.id", Certificate.class).setParameter("e", enterpriseOf(user));
        return query.setParameter("p", projectId).getResultStream().map(CertificateView::of).toList();
    }

    /** The subsidy confirmations an approved run issued, in serial order (bureau). */
    @RolesAllowed({Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.FINANCE})
    public List<CertificateView> ofRun(long runId) {
        CalculationRun run = em.find(CalculationRun.class, runId);
        if (run == null) {
            throw BusinessException.notFound("calculationRun.notFound", runId);
        }
        return em.createQuery("select c from Certificate c where c.callId = :call and c.type = :type"
                        + " and c.subjectVersion = :version order by c.serialYear, c.serialNo", Certificate.class)
                .setParameter("call", run.getCallId()).setParameter("type", CertificateType.SUBSIDY_CONFIRMATION)
                .setParameter("version", CertificateDrafts.runVersion(runId)).getResultStream()
                .map(CertificateView::of).toList();
    }

    /**
     * 批量下载 (bureau): what the ZIP of a run's confirmations will hold, asked before it is streamed so that a refusal
     * is an answer of its own (404 for a run that issued none), and about how large it will be (for a progress bar).
     */
    @RolesAllowed({Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.FINANCE})
    public RunDocuments runDocuments(long runId) {
        List<CertificateView> documents = ofRun(runId);
        if (documents.isEmpty()) {
            throw BusinessException.notFound("certificate.noConfirmations", runId);
        }
        return new RunDocuments(runId, documents);
    }

    /**
     * The ZIP itself, written to {@code out} as it goes (each PDF made first if it was not yet), named by serial
     * number, with a list (清单.csv: serial, enterprise, USCC, amount, state, SHA-256).
     */
    @RolesAllowed({Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.FINANCE})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void writeRunZip(long runId, OutputStream out) throws IOException {
        ConfirmationZip.write(runDocuments(runId).documents(), files::content, out);
    }

    /** One document as listed; "not found" for one that is not the caller's to see. */
    public CertificateView get(long id) {
        return CertificateView.of(readable(id));
    }

    /** The signed PDF of a document the caller may see (made now if it was not yet). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public byte[] pdf(long id) {
        readable(id);
        return files.content(id);
    }

    /** 撤销 (APPROVER): the document stops being valid; the public verification shows the reason. */
    @RolesAllowed(Role.Names.APPROVER)
    public CertificateView revoke(long id, @NotNull Long version, String reason) {
        Certificate c = em.find(Certificate.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw BusinessException.notFound("certificate.notFound", id);
        }
        Versions.requireCurrent(c.getVersion(), version);
        c.revoke(currentUser.require().getUsername(), reason, clock.instant());
        Versions.flush(em);
        events.fire(new CertificateEvents.Revoked(currentUser.actor(), id, c.getSerial(), c.getRevokeReason()));
        return CertificateView.of(c);
    }

    /** 核验 (anyone): what the code's document is; "not found" for a code no document has. Rate limited per client. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Verification verify(String code) {
        limit.count(origin.getClientAddress());
        String normalized = VerificationCode.normalize(code);
        Certificate c = normalized == null ? null : byCode(normalized);
        if (c == null) {
            throw BusinessException.notFound("certificate.codeNotFound");
        }
        if (!c.isSigned()) {
            files.make(c.getId()); // the hash is part of the answer: a document asked for before its PDF was made
            c = byCode(normalized); // read afresh (no transaction here: a new persistence context)
        }
        return verification(c);
    }

    /**
     * 文件核验 (anyone): whether the uploaded bytes are exactly an issued document (by their SHA-256) and whether the
     * bureau's signature over them is intact. Rate limited per client with the code lookups.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public UploadVerification verifyUpload(byte[] upload) {
        limit.count(origin.getClientAddress());
        if (upload == null || upload.length == 0) {
            throw BusinessException.invalid("certificate.uploadEmpty");
        }
        if (upload.length > MAX_UPLOAD_BYTES) {
            throw BusinessException.invalid("certificate.uploadTooLarge", MAX_UPLOAD_BYTES / 1024 / 1024);
        }
        SignatureCheck check = signer.check(upload);
        String sha256 = DocumentHash.of(upload);
        Certificate issued = em.createQuery("select c from Certificate c where c.sha256 = :h", Certificate.class)
                .setParameter("h", sha256).getResultStream().findFirst().orElse(null);
        return new UploadVerification(check.pdf(), issued != null, check.valid(), sha256,
                issued == null ? null : verification(issued));
    }

    private Certificate byCode(String code) {
        return em.createQuery("select c from Certificate c where c.verificationCode = :code", Certificate.class)
                .setParameter("code", code).getResultStream().findFirst().orElse(null);
    }

    private Verification verification(Certificate c) {
        var content = CertificateContentJson.read(c.getContent());
        String successor = c.getSupersededBy() == null ? null : em.find(Certificate.class, c.getSupersededBy()).getSerial();
        return new Verification(c.getType(), c.getSerial(), content.enterpriseName(), content.enterpriseUscc(),
                c.getAmount(), c.getDecidedOn(), c.getState(), successor, c.getRevokeReason(), c.getEndedAt(),
                c.getSha256());
    }

    private Certificate readable(long id) {
        UserAccount user = currentUser.require();
        Certificate c = em.find(Certificate.class, id);
        if (c != null && (isBureau(user) || c.getEnterpriseId() == enterpriseOf(user))) {
            return c;
        }
        if (c != null) {
            events.fire(new CertificateEvents.AccessDenied(currentUser.actor(), id));
        }
        throw BusinessException.notFound("certificate.notFound", id);
    }

    private static boolean isBureau(UserAccount user) {
        return user.hasRole(Role.REVIEWER) || user.hasRole(Role.APPROVER) || user.hasRole(Role.FINANCE);
    }

    private static long enterpriseOf(UserAccount user) {
        return user.hasRole(Role.ENTERPRISE) ? user.getOrganisation().getId() : -1;
    }
}
