package org.innofund.identity.application;

import org.innofund.identity.domain.UserAccount;

import java.io.Serializable;

/**
 * A person as others see who did something (拟稿人, 发布人, 办理人): the name and department rather than the login
 * name. The bureau sees the person; an enterprise sees the bureau's department (业务科室) that handles its matter.
 *
 * @param known false for a user name that belongs to no account (a record older than the account, '(unknown)'):
 *              the name is then the user name as stored
 */
public record PersonView(String username, String displayName, String department, Long organisationId,
                         String organisationName, boolean known) implements Serializable {

    static PersonView of(UserAccount u) {
        return new PersonView(u.getUsername(), u.getDisplayName(), u.getDepartment().orElse(null),
                u.getOrganisation().getId(), u.getOrganisation().getName(), true);
    }

    static PersonView unknown(String username) {
        return new PersonView(username, username, null, null, null, false);
    }

    /** For an enterprise: the department, or the organisation when the person has none. */
    public String seenByEnterprise() {
        return department != null ? department : organisationName != null ? organisationName : displayName;
    }

    /** For the bureau: the person, with the department where there is one — 王芳（高新技术科）. */
    public String seenByBureau() {
        return department != null ? displayName + "（" + department + "）" : displayName;
    }

    /**
     * As a reader sees the person: an enterprise sees its own people by name and the bureau's by department; the
     * bureau sees everyone by name and department.
     */
    public String seenFrom(Long readerOrganisationId, boolean readerIsEnterprise) {
        if (!known) {
            return displayName;
        }
        if (readerIsEnterprise) {
            return organisationId != null && organisationId.equals(readerOrganisationId) ? displayName : seenByEnterprise();
        }
        return seenByBureau();
    }
}
