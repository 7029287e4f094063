package org.innofund.identity.domain;

import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserAccountTest {

    private static final Instant NOW = Instant.parse("2025-04-01T02:00:00Z");

    static Organisation bureau() {
        return Organisation.bureau("慈溪市科学技术局", NOW);
    }

    static Organisation enterprise() {
        return Organisation.enterprise("华为技术有限公司", Uscc.parse("914403001922038216"), "张伟", "0574-12345678", NOW);
    }

    static Organisation agency() {
        return Organisation.agency("宁波科技评估中心", null, "李娜", "0574-87654321", NOW);
    }

    private static UserAccount user(Organisation organisation, Set<Role> roles) {
        return new UserAccount("someone", "Some One", "HASH", organisation, roles, NOW);
    }

    @Test
    void normaliseStripsAndLowerCases() {
        assertEquals("wang.fang", UserAccount.normalise("  Wang.Fang\t"));
        assertEquals("wang.fang", UserAccount.normalise("\u3000WANG.FANG\u3000"));
        assertEquals("", UserAccount.normalise(null));
        assertEquals("", UserAccount.normalise("   "));
    }

    @Test
    void normaliseDoesNotDependOnTheServersLocale() {
        Locale saved = Locale.getDefault();
        try {
            // in Turkish, "I".toLowerCase() is a dotless i: the same name must not become another one
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("ivan.ilic", UserAccount.normalise("IVAN.ILIC"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void theConstructorNormalisesTheUserNameAndStripsTheDisplayName() {
        UserAccount u = new UserAccount("  Li.Na  ", "  李娜 ", "HASH", bureau(), Set.of(Role.REVIEWER), NOW);
        assertEquals("li.na", u.getUsername());
        assertEquals("李娜", u.getDisplayName());
        assertEquals("HASH", u.getPasswordHash());
        assertTrue(u.isEnabled());
        assertEquals(0, u.getSessionEpoch());
        assertEquals(NOW, u.getCreatedAt());
        assertEquals(Set.of("REVIEWER"), u.roleNames());
        assertTrue(u.hasRole(Role.REVIEWER));
        assertFalse(u.hasRole(Role.APPROVER));
    }

    @Test
    void bureauStaffMayHoldSeveralBureauRoles() {
        UserAccount u = user(bureau(), EnumSet.of(Role.REVIEWER, Role.FINANCE, Role.ADMIN, Role.APPROVER));
        assertEquals(Set.of("REVIEWER", "FINANCE", "ADMIN", "APPROVER"), u.roleNames());
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"REVIEWER", "APPROVER", "FINANCE", "ADMIN"})
    void bureauRolesFitOnlyTheBureau(Role role) {
        user(bureau(), Set.of(role));
        assertRoleRefused(enterprise(), role);
        assertRoleRefused(agency(), role);
    }

    @Test
    void theEnterpriseRoleFitsOnlyAnEnterprise() {
        assertTrue(user(enterprise(), Set.of(Role.ENTERPRISE)).hasRole(Role.ENTERPRISE));
        assertRoleRefused(bureau(), Role.ENTERPRISE);
        assertRoleRefused(agency(), Role.ENTERPRISE);
    }

    @Test
    void theAgencyRoleFitsOnlyAnAgency() {
        assertTrue(user(agency(), Set.of(Role.AGENCY)).hasRole(Role.AGENCY));
        assertRoleRefused(bureau(), Role.AGENCY);
        assertRoleRefused(enterprise(), Role.AGENCY);
    }

    @Test
    void oneUnfittingRoleAmongFittingOnesIsRefused() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> user(bureau(), EnumSet.of(Role.REVIEWER, Role.ENTERPRISE)));
        assertEquals("user.roleDoesNotFitOrganisation", e.messageKey());
        assertArrayEquals(new Object[] {Role.ENTERPRISE, "慈溪市科学技术局"}, e.arguments());
    }

    private static void assertRoleRefused(Organisation organisation, Role role) {
        BusinessException e = assertThrows(BusinessException.class, () -> user(organisation, Set.of(role)));
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertEquals("user.roleDoesNotFitOrganisation", e.messageKey());
        assertArrayEquals(new Object[] {role, organisation.getName()}, e.arguments());
    }

    @Test
    void aUserWithoutRolesIsRefused() {
        BusinessException e = assertThrows(BusinessException.class, () -> user(bureau(), Set.of()));
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertEquals("user.noRole", e.messageKey());
    }

    @Test
    void rolesAreCopiedAndCannotBeChangedFromOutside() {
        Set<Role> roles = new HashSet<>(Set.of(Role.REVIEWER));
        UserAccount u = user(bureau(), roles);
        roles.add(Role.ADMIN);
        assertFalse(u.hasRole(Role.ADMIN));
        assertThrows(UnsupportedOperationException.class, () -> u.getRoles().add(Role.ADMIN));
        assertThrows(UnsupportedOperationException.class, () -> u.roleNames().add("ADMIN"));
    }

    @Test
    void disableEndsSessionsAndEnableDoesNotReopenThem() {
        UserAccount u = user(bureau(), Set.of(Role.REVIEWER));
        u.disable();
        assertFalse(u.isEnabled());
        assertEquals(1, u.getSessionEpoch());
        u.enable();
        assertTrue(u.isEnabled());
        assertEquals(1, u.getSessionEpoch(), "a session opened before the disable must stay ended");
        u.disable();
        assertEquals(2, u.getSessionEpoch());
    }

    @Test
    void changingThePasswordEndsSessions() {
        UserAccount u = user(bureau(), Set.of(Role.REVIEWER));
        u.changePassword("NEW-HASH");
        assertEquals("NEW-HASH", u.getPasswordHash());
        assertEquals(1, u.getSessionEpoch());
        assertTrue(u.isEnabled());
        u.changePassword("NEWER-HASH");
        assertEquals(2, u.getSessionEpoch());
        assertThrows(NullPointerException.class, () -> u.changePassword(null));
        assertEquals("NEWER-HASH", u.getPasswordHash());
    }

    @Test
    void organisationsKeepWhatTheyAreGiven() {
        Organisation enterprise = enterprise();
        assertEquals(OrganisationKind.ENTERPRISE, enterprise.getKind());
        assertEquals("914403001922038216", enterprise.getUscc().orElseThrow());
        assertEquals(OrganisationKind.BUREAU, bureau().getKind());
        assertTrue(bureau().getUscc().isEmpty());
        assertEquals(OrganisationKind.AGENCY, agency().getKind());
        assertEquals("宁波科技评估中心", Organisation.bureau("  宁波科技评估中心 ", NOW).getName());
        assertThrows(NullPointerException.class,
                () -> Organisation.enterprise("无代码公司", null, null, null, NOW), "an enterprise needs its USCC");
        UserAccount u = user(enterprise, Set.of(Role.ENTERPRISE));
        assertSame(enterprise, u.getOrganisation());
    }
}
