package org.innofund.web.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.identity.application.OrganisationProfile;
import org.innofund.identity.application.OrganisationProfiles;
import org.innofund.identity.application.ProfileChange;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;

/** 单位信息: the enterprise's profile as read, and the fields its users may correct, saved at the version read. */
@Named
@ViewScoped
public class CompanyProfileBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private OrganisationProfiles profiles;

    private OrganisationProfile profile;
    private boolean stale;
    private String address;
    private String legalRepresentative;
    private String contactName;
    private String contactPhone;

    @PostConstruct
    void load() {
        if (BusinessCall.run(() -> profile = profiles.mine())) {
            address = profile.address();
            legalRepresentative = profile.legalRepresentative();
            contactName = profile.contactName();
            contactPhone = profile.contactPhone();
        }
    }

    public void save() {
        long seen = profile.version();
        OrganisationProfile[] saved = new OrganisationProfile[1];
        if (BusinessCall.run(() -> saved[0] = profiles.change(profile.id(), new ProfileChange(seen, address,
                legalRepresentative, contactName, contactPhone)))) {
            profile = saved[0];
            Feedback.info("profile.saved");
        } else {
            // refused: if because someone else changed the profile meanwhile, offer a reload instead of the save
            BusinessCall.run(() -> stale = profiles.mine().version() != seen);
        }
    }

    public OrganisationProfile getProfile() { return profile; }
    public boolean isStale() { return stale; }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v; }
    public String getLegalRepresentative() { return legalRepresentative; }
    public void setLegalRepresentative(String v) { legalRepresentative = v; }
    public String getContactName() { return contactName; }
    public void setContactName(String v) { contactName = v; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String v) { contactPhone = v; }
}
