package org.innofund.certificate.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innofund.certificate.domain.CertificateContent;
import org.innofund.certificate.domain.CertificateContentJson;
import org.innofund.certificate.domain.CertificateEvents;
import org.innofund.certificate.domain.CertificateState;
import org.innofund.certificate.domain.CertificateType;
import org.innofund.certificate.domain.SerialNumber;
import org.innofund.certificate.domain.VerificationCode;
import org.innofund.certificate.infrastructure.CertificateTable;
import org.innofund.identity.domain.OrganisationKind;
import org.innofund.shared.Clocks;
import org.innofund.shared.event.Actor;
import org.innofund.shared.event.DomainEvent;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issues documents in the decision's transaction: a decision that commits has its documents (numbered, with their
 * codes and what they print), one that rolls back has none and gives its serial numbers back. The signed PDFs are
 * made after the commit ({@link CertificateFiles}). A version of a decision already issued issues nothing (an event
 * delivered twice); a new version supersedes the document of the version before.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CertificateIssuing {

    /** The path of the public verification page under the product's address; the code is its parameter. */
    public static final String VERIFY_PAGE = "verify.xhtml?code=";

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private SerialNumbers serials;

    @EJB
    private CertificateTable table;

    @Inject
    private Event<CertificatesIssued> issued;

    @Inject
    private Event<DomainEvent> events;

    @Inject
    @ConfigProperty(name = "innofund.public-url", defaultValue = "http://localhost:8080/innofund/")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "innofund.certificate.issuer", defaultValue = "慈溪市科学技术局")
    String defaultIssuer;

    /** The documents issued now out of the drafts (those of a version already issued are left out), in order. */
    public List<Long> issue(Actor by, List<CertificateDraft> drafts) {
        Instant now = clock.instant();
        Map<String, Long> valid = new HashMap<>();
        List<CertificateDraft> fresh = notIssuedYet(drafts, valid);
        if (fresh.isEmpty()) {
            return List.of();
        }
        int year = now.atZone(Clocks.BUREAU_ZONE).getYear();
        Map<CertificateType, Iterator<SerialNumber>> numbers = new EnumMap<>(CertificateType.class);
        for (CertificateType type : CertificateType.values()) {
            long count = fresh.stream().filter(d -> d.type() == type).count();
            if (count > 0) {
                numbers.put(type, serials.take(type, year, (int) count).iterator());
            }
        }
        String issuer = issuer();
        Map<Long, String[]> enterprises = enterprises(fresh);
        List<CertificateTable.Row> rows = new ArrayList<>(fresh.size());
        for (CertificateDraft draft : fresh) {
            String[] enterprise = enterprises.get(draft.enterpriseId());
            SerialNumber serial = numbers.get(draft.type()).next();
            String code = VerificationCode.generate(RANDOM);
            CertificateContent content = new CertificateContent(draft.type(), serial.text(), issuer, enterprise[0],
                    enterprise[1], draft.statement(), draft.facts(), draft.steps(), draft.amount(), draft.decidedOn(),
                    VerificationCode.grouped(code), verificationUrl(code));
            rows.add(new CertificateTable.Row(serial, code, draft.enterpriseId(), draft.projectId(), draft.callId(),
                    draft.subject(), draft.subjectVersion(), draft.amount(), draft.decidedOn(),
                    CertificateContentJson.write(content)));
        }
        List<Long> ids = table.insert(rows, now);
        Map<Long, Long> successors = new HashMap<>();
        Map<String, List<CertificateTable.Row>> byTypeAndCall = new LinkedHashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            CertificateDraft draft = fresh.get(i);
            Long earlier = valid.remove(key(draft.type(), draft.subject()));
            if (earlier != null) {
                successors.put(earlier, ids.get(i));
            }
            byTypeAndCall.computeIfAbsent(draft.type() + " " + draft.callId(), k -> new ArrayList<>()).add(rows.get(i));
        }
        table.supersede(successors, now);
        byTypeAndCall.values().forEach(group -> events.fire(new CertificateEvents.Issued(by, group.get(0).serial().type(),
                group.get(0).callId(), group.size(), group.get(0).serial().text(),
                group.get(group.size() - 1).serial().text())));
        issued.fire(new CertificatesIssued(ids));
        return ids;
    }

    /**
     * Ends the valid documents of the type for the call that state another version of the decision than
     * {@code version} (the new one, just issued): an enterprise the new version grants nothing keeps no valid document.
     */
    public void supersedeOthers(CertificateType type, long callId, String version) {
        em.createQuery("update Certificate c set c.state = :superseded, c.endedAt = :now, c.version = c.version + 1"
                        + " where c.type = :type and c.callId = :call and c.state = :valid and c.subjectVersion <> :version")
                .setParameter("superseded", CertificateState.SUPERSEDED).setParameter("now", clock.instant())
                .setParameter("type", type).setParameter("call", callId).setParameter("valid", CertificateState.VALID)
                .setParameter("version", version).executeUpdate();
    }

    /** The enterprises' names and USCCs as registered now, read in chunks (a run names thousands). */
    private Map<Long, String[]> enterprises(List<CertificateDraft> drafts) {
        List<Long> ids = drafts.stream().map(CertificateDraft::enterpriseId).distinct().toList();
        Map<Long, String[]> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            em.createQuery("select o.id, o.name, o.uscc from Organisation o where o.id in :ids", Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).getResultStream()
                    .forEach(r -> found.put((Long) r[0], new String[] {(String) r[1], r[2] == null ? "" : (String) r[2]}));
        }
        return found;
    }

    public String verificationUrl(String code) {
        return (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/") + VERIFY_PAGE + code;
    }

    /**
     * The drafts whose version is not issued yet (once each), reading what the drafts' calls have of their types in
     * one query per type and call; {@code valid} receives the ids of the valid documents found, by type and subject.
     */
    private List<CertificateDraft> notIssuedYet(List<CertificateDraft> drafts, Map<String, Long> valid) {
        Set<String> issuedVersions = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (CertificateDraft d : drafts) {
            if (groups.add(d.type() + " " + d.callId())) {
                em.createQuery("select c.id, c.subject, c.subjectVersion, c.state from Certificate c"
                                + " where c.type = :type and c.callId = :call", Object[].class)
                        .setParameter("type", d.type()).setParameter("call", d.callId()).getResultStream()
                        .forEach(c -> {
                            issuedVersions.add(key(d.type(), (String) c[1]) + " " + c[2]);
                            if (c[3] == CertificateState.VALID) {
                                valid.put(key(d.type(), (String) c[1]), (Long) c[0]);
                            }
                        });
            }
        }
        List<CertificateDraft> fresh = new ArrayList<>();
        for (CertificateDraft d : drafts) {
            if (issuedVersions.add(key(d.type(), d.subject()) + " " + d.subjectVersion())) {
                fresh.add(d);
            }
        }
        return fresh;
    }

    private static String key(CertificateType type, String subject) {
        return type + " " + subject;
    }

    private String issuer() {
        return em.createQuery("select o.name from Organisation o where o.kind = :bureau order by o.id", String.class)
                .setParameter("bureau", OrganisationKind.BUREAU).setMaxResults(1).getResultStream().findFirst()
                .orElse(defaultIssuer);
    }
}
