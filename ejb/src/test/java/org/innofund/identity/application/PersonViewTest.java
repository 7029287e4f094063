package org.innofund.identity.application;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who acted, as each reader may see them (issue 9, item 5): never a login name where a person or department is known. */
class PersonViewTest {

    private static final long BUREAU = 1;
    private static final long ENTERPRISE = 2;
    private static final PersonView REVIEWER = new PersonView("reviewer", "王审核", "高新技术科", BUREAU, "慈溪市科学技术局", true);
    private static final PersonView CLERK = new PersonView("chen", "陈经理", null, ENTERPRISE, "慈溪示范科技有限公司", true);

    @Test
    void anEnterpriseSeesTheBureausDepartmentNotThePerson() {
        assertEquals("高新技术科", REVIEWER.seenFrom(ENTERPRISE, true));
    }

    @Test
    void anEnterpriseSeesTheBureauItselfWhereThePersonHasNoDepartment() {
        PersonView noDepartment = new PersonView("approver", "李审批", null, BUREAU, "慈溪市科学技术局", true);
        assertEquals("慈溪市科学技术局", noDepartment.seenFrom(ENTERPRISE, true));
    }

    @Test
    void theBureauSeesThePersonWithTheDepartment() {
        assertEquals("陈经理", CLERK.seenFrom(BUREAU, false), "an enterprise's person has no department: the name");
        assertEquals("王审核（高新技术科）", REVIEWER.seenFrom(3L, false));
    }

    @Test
    void anEnterpriseSeesItsOwnPeopleByNameAndTheBureauItsOwnWithTheirDepartments() {
        assertEquals("陈经理", CLERK.seenFrom(ENTERPRISE, true));
        assertEquals("王审核（高新技术科）", REVIEWER.seenFrom(BUREAU, false));
    }

    @Test
    void aNameWithoutAnAccountIsShownAsStored() {
        assertEquals("(unknown)", PersonView.unknown("(unknown)").seenFrom(ENTERPRISE, true));
    }
}
