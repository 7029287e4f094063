package org.innofund.web.bureau;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.evaluation.application.Agencies;
import org.innofund.evaluation.application.AgencyAdministration;
import org.innofund.evaluation.application.AgencyView;
import org.innofund.evaluation.application.RelationshipView;
import org.innofund.evaluation.domain.RelationshipKind;
import org.innofund.identity.application.OrganisationView;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** 关联关系: the ties the reviewers recorded between agencies and enterprises, and a form to record one. */
@Named
@ViewScoped
public class RelationshipsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Agencies agencies;

    @EJB
    private AgencyAdministration administration;

    private List<RelationshipView> relationships;
    private List<AgencyView> agencyChoices;
    private List<OrganisationView> enterpriseChoices;

    private Long agencyId;
    private Long enterpriseId;
    private RelationshipKind kind;
    private String source;
    private LocalDate since;

    @PostConstruct
    void load() {
        relationships = agencies.relationships();
        agencyChoices = administration.list();
        enterpriseChoices = agencies.enterprises();
    }

    public void record() {
        if (BusinessCall.run(() -> agencies.recordRelationship(agencyId, enterpriseId, kind, source, since))) {
            Feedback.info("relationships.recorded");
            agencyId = null;
            enterpriseId = null;
            kind = null;
            source = null;
            since = null;
            relationships = agencies.relationships();
        }
    }

    public RelationshipKind[] getKinds() {
        return RelationshipKind.values();
    }

    public List<RelationshipView> getRelationships() { return relationships; }
    public List<AgencyView> getAgencyChoices() { return agencyChoices; }
    public List<OrganisationView> getEnterpriseChoices() { return enterpriseChoices; }
    public Long getAgencyId() { return agencyId; }
    public void setAgencyId(Long v) { agencyId = v; }
    public Long getEnterpriseId() { return enterpriseId; }
    public void setEnterpriseId(Long v) { enterpriseId = v; }
    public RelationshipKind getKind() { return kind; }
    public void setKind(RelationshipKind v) { kind = v; }
    public String getSource() { return source; }
    public void setSource(String v) { source = v; }
    public LocalDate getSince() { return since; }
    public void setSince(LocalDate v) { since = v; }
}
