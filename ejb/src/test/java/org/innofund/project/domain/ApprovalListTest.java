package org.innofund.project.domain;

import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.innofund.project.domain.Candidates.T0;
import static org.innofund.project.domain.Candidates.candidate;
import static org.innofund.project.domain.Candidates.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An approval list's versions and decisions: submit, approve or return (never by its preparer), revise as a new version. */
class ApprovalListTest {

    private static final Instant LATER = T0.plusSeconds(3600);

    private static List<ApprovalLine> lines() {
        return ApprovalRules.lines(List.of(candidate(1, "90", 0, "300000", null), candidate(2, "70", 0, "100000", null)),
                List.of(Proposal.of(1L, new BigDecimal("300000")), Proposal.notProposed(2L, "得分较低")), yuan("1000000"));
    }

    private static ApprovalList submitted() {
        ApprovalList list = ApprovalList.draft(11L, null, yuan("1000000"), lines(), "reviewer", T0);
        list.submit("reviewer", LATER);
        return list;
    }

    @Test
    void aFirstListIsVersionOneADraftPreparedByItsReviewer() {
        ApprovalList list = ApprovalList.draft(11L, null, yuan("1000000"), lines(), "reviewer", T0);
        assertEquals(1, list.getVersionNo());
        assertEquals(ApprovalListState.DRAFT, list.getState());
        assertEquals("reviewer", list.getPreparedBy());
        assertEquals(yuan("300000"), list.total());
        assertNull(list.getRevisesId());
    }

    @Test
    void anApproverWhoDidNotPrepareItApprovesIt() {
        ApprovalList list = submitted();
        list.approve("approver", LATER);
        assertEquals(ApprovalListState.APPROVED, list.getState());
        assertEquals("approver", list.getDecidedBy());
        assertEquals(LATER, list.getDecidedAt());
    }

    /** 四眼原则: neither the preparer nor the submitter decides, and the refusal changes nothing. */
    @Test
    void itsPreparerOrSubmitterCannotDecide() {
        ApprovalList list = ApprovalList.draft(11L, null, yuan("1000000"), lines(), "head", T0);
        list.submit("clerk", LATER);
        for (String who : List.of("head", "clerk")) {
            BusinessException approve = assertThrows(BusinessException.class, () -> list.approve(who, LATER));
            assertEquals(BusinessException.Kind.FORBIDDEN, approve.kind());
            assertEquals("approvalList.approverIsPreparer", approve.messageKey());
            BusinessException back = assertThrows(BusinessException.class,
                    () -> list.returnToPreparer(who, "预算调整", LATER));
            assertEquals("approvalList.returnerIsPreparer", back.messageKey());
            assertEquals(BusinessException.Kind.FORBIDDEN, back.kind());
        }
        assertEquals(ApprovalListState.SUBMITTED, list.getState());
    }

    /** A user holding both roles who drew up the list cannot approve it after a colleague re-saved and submitted it. */
    @Test
    void whoeverRevisedTheVersionCannotDecideIt() {
        ApprovalList list = ApprovalList.draft(11L, null, yuan("1000000"), lines(), "head", T0);
        list.revise(yuan("1000000"), lines(), "colleague");
        list.submit("colleague", LATER);
        assertEquals("approvalList.approverIsPreparer",
                assertThrows(BusinessException.class, () -> list.approve("head", LATER)).messageKey());
        assertEquals("approvalList.returnerIsPreparer",
                assertThrows(BusinessException.class, () -> list.returnToPreparer("head", "重排", LATER)).messageKey());
        list.approve("approver", LATER);
        assertEquals(ApprovalListState.APPROVED, list.getState());
    }

    @Test
    void aReturnedListIsRevisedAsANewVersionAndKept() {
        ApprovalList first = submitted();
        assertThrows(BusinessException.class, () -> first.returnToPreparer("approver", "  ", LATER));
        BusinessException tooLong = assertThrows(BusinessException.class,
                () -> first.returnToPreparer("approver", "因".repeat(1001), LATER));
        assertEquals("approvalList.returnReasonTooLong", tooLong.messageKey());
        first.returnToPreparer("approver", " 请压缩金额 ", LATER);
        assertEquals(ApprovalListState.RETURNED, first.getState());
        assertEquals("请压缩金额", first.getDecisionReason());

        ApprovalList second = ApprovalList.draft(11L, first, yuan("1000000"), lines(), "reviewer2", LATER);
        assertEquals(2, second.getVersionNo());
        assertEquals(ApprovalListState.DRAFT, second.getState());
        assertEquals(ApprovalListState.RETURNED, first.getState());
        assertEquals("reviewer2", second.getPreparedBy());
    }

    @Test
    void aNewVersionWaitsUntilTheLiveOneIsSentBack() {
        for (ApprovalList live : List.of(ApprovalList.draft(11L, null, yuan("1"), List.of(), "r", T0), submitted())) {
            BusinessException e = assertThrows(BusinessException.class,
                    () -> ApprovalList.draft(11L, live, yuan("1000000"), lines(), "reviewer", LATER));
            assertEquals("approvalList.liveExists", e.messageKey());
            assertEquals(BusinessException.Kind.CONFLICT, e.kind());
        }
        ApprovalList approved = submitted();
        approved.approve("approver", LATER);
        assertEquals("approvalList.liveExists", assertThrows(BusinessException.class,
                () -> ApprovalList.draft(11L, approved, yuan("1"), lines(), "reviewer", LATER)).messageKey());
    }

    @Test
    void eachStepIsRefusedOutOfTurn() {
        ApprovalList draft = ApprovalList.draft(11L, null, yuan("1000000"), lines(), "reviewer", T0);
        assertEquals("approvalList.notSubmitted", assertThrows(BusinessException.class,
                () -> draft.approve("approver", LATER)).messageKey());
        assertEquals("approvalList.notSubmitted", assertThrows(BusinessException.class,
                () -> draft.returnToPreparer("approver", "x", LATER)).messageKey());
        ApprovalList list = submitted();
        BusinessException twice = assertThrows(BusinessException.class, () -> list.submit("reviewer", LATER));
        assertEquals("approvalList.notDraft", twice.messageKey());
        assertEquals(BusinessException.Kind.CONFLICT, twice.kind());
        assertEquals("approvalList.notDraft", assertThrows(BusinessException.class,
                () -> list.revise(yuan("1"), lines(), "reviewer")).messageKey());
        list.approve("approver", LATER);
        assertEquals("approvalList.notSubmitted", assertThrows(BusinessException.class,
                () -> list.approve("approver2", LATER)).messageKey());
    }

    @Test
    void aDraftIsRevisedInPlaceByWhoeverSavesIt() {
        ApprovalList list = ApprovalList.draft(11L, null, yuan("1000000"), lines(), "reviewer", T0);
        List<ApprovalLine> fewer = ApprovalRules.lines(List.of(candidate(1, "90", 0, "300000", null)),
                List.of(Proposal.of(1L, new BigDecimal("120000"))), yuan("1000000"));
        list.revise(yuan("1000000"), fewer, "reviewer2");
        assertEquals(1, list.getLines().size());
        assertEquals(yuan("120000"), list.total());
        assertEquals("reviewer2", list.getPreparedBy());
        assertEquals(1, list.getVersionNo());
    }
}
