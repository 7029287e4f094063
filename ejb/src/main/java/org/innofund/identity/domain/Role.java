package org.innofund.identity.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What a user may do; each is also a Jakarta Security group and role of the same name. */
public enum Role {
    /** 申报单位 */
    ENTERPRISE,
    /** 第三方评估机构 */
    AGENCY,
    /** 科技局业务科室 */
    REVIEWER,
    /** 分管领导 / 局务会 */
    APPROVER,
    /** 计财科 */
    FINANCE,
    /** 系统管理员 */
    ADMIN;

    /** Role names as constants, for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String ENTERPRISE = "ENTERPRISE";
        public static final String AGENCY = "AGENCY";
        public static final String REVIEWER = "REVIEWER";
        public static final String APPROVER = "APPROVER";
        public static final String FINANCE = "FINANCE";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }

    /** The roles a user of an organisation of this kind can hold (any non-empty set of them). */
    public static Set<Role> possibleFor(OrganisationKind kind) {
        return Arrays.stream(values()).filter(r -> r.organisationKind() == kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** The organisation kind a user of this role belongs to. */
    public OrganisationKind organisationKind() {
        return switch (this) {
            case ENTERPRISE -> OrganisationKind.ENTERPRISE;
            case AGENCY -> OrganisationKind.AGENCY;
            default -> OrganisationKind.BUREAU;
        };
    }
}
