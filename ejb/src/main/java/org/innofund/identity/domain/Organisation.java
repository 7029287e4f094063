package org.innofund.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.Lengths;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** 组织: the bureau, an enterprise (申报单位) or an evaluation agency (第三方评估机构). */
@Entity
@Table(name = "organisation")
public class Organisation extends BaseEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrganisationKind kind;

    @Column(nullable = false, length = Lengths.ORGANISATION_NAME)
    private String name;

    @Column(length = Uscc.LENGTH, unique = true)
    private String uscc;

    @Column(name = "contact_name", length = Lengths.PERSON_NAME)
    private String contactName;

    @Column(name = "contact_phone", length = Lengths.PHONE)
    private String contactPhone;

    @Column(length = Lengths.ADDRESS)
    private String address;

    /** 法定代表人 */
    @Column(name = "legal_representative", length = Lengths.PERSON_NAME)
    private String legalRepresentative;

    protected Organisation() {
    }

    private Organisation(OrganisationKind kind, String name, Uscc uscc, String contactName, String contactPhone, Instant now) {
        super(now);
        this.kind = Objects.requireNonNull(kind);
        this.name = Objects.requireNonNull(name).strip();
        this.uscc = uscc == null ? null : uscc.value();
        this.contactName = contactName;
        this.contactPhone = contactPhone;
    }

    public static Organisation bureau(String name, Instant now) {
        return new Organisation(OrganisationKind.BUREAU, name, null, null, null, now);
    }

    public static Organisation enterprise(String name, Uscc uscc, String contactName, String contactPhone, Instant now) {
        return new Organisation(OrganisationKind.ENTERPRISE, name, Objects.requireNonNull(uscc), contactName, contactPhone, now);
    }

    public static Organisation agency(String name, Uscc uscc, String contactName, String contactPhone, Instant now) {
        return new Organisation(OrganisationKind.AGENCY, name, uscc, contactName, contactPhone, now);
    }

    /**
     * What the organisation's own users may correct on its profile (单位信息); name and USCC are not among them: they
     * identify the organisation to the bureau, which changes them. Blank optional values are kept as none.
     *
     * @return the names of the fields whose value changed, for the audit trail (empty if none did)
     */
    public List<String> changeProfile(String address, String legalRepresentative, String contactName, String contactPhone) {
        String name = Objects.requireNonNull(stripped(contactName), "a contact name");
        String phone = Objects.requireNonNull(stripped(contactPhone), "a contact phone");
        List<String> changed = new ArrayList<>();
        this.address = changed(changed, "address", this.address, stripped(address));
        this.legalRepresentative = changed(changed, "legalRepresentative", this.legalRepresentative, stripped(legalRepresentative));
        this.contactName = changed(changed, "contactName", this.contactName, name);
        this.contactPhone = changed(changed, "contactPhone", this.contactPhone, phone);
        return changed;
    }

    private static String changed(List<String> changed, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
        return after;
    }

    private static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getAddress() {
        return address;
    }

    public String getLegalRepresentative() {
        return legalRepresentative;
    }

    public OrganisationKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public Optional<String> getUscc() {
        return Optional.ofNullable(uscc);
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }
}
