package org.innofund.project.domain;

import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.innofund.shared.Lengths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.innofund.project.domain.Candidates.candidate;
import static org.innofund.project.domain.Candidates.yuan;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The approval list's rules: ranking and ties, the amount's bounds, the reasons, the budget; every problem at once. */
class ApprovalRulesTest {

    @Test
    void candidatesRankByScoreThenEarlierSubmissionThenDeclaration() {
        List<ApprovalCandidate> ranked = ApprovalRules.rank(List.of(
                candidate(1, "80.00", 5, "100", null),
                candidate(2, "92.50", 30, "100", null),
                candidate(3, "80.00", 1, "100", null),     // same score as 1, submitted earlier
                candidate(5, "80", 5, "100", null),        // same score and time as 1: the older declaration first
                candidate(4, "80.01", 60, "100", null)));
        assertEquals(List.of(2L, 4L, 3L, 1L, 5L), ranked.stream().map(ApprovalCandidate::declarationId).toList());
    }

    @Test
    void linesComeInRankOrderWithTheProposals() {
        List<ApprovalLine> lines = ApprovalRules.lines(
                List.of(candidate(1, "70", 0, "500000", null), candidate(2, "90", 0, "300000", "250000")),
                List.of(Proposal.notProposed(1L, "  得分较低  "), Proposal.of(2L, new BigDecimal("250000"))),
                yuan("1000000"));
        assertEquals(2L, lines.get(0).getDeclarationId());
        assertTrue(lines.get(0).isProposed());
        assertEquals(yuan("250000"), lines.get(0).getApprovedAmount());
        assertNull(lines.get(0).getReason());
        assertEquals(1L, lines.get(1).getDeclarationId());
        assertFalse(lines.get(1).isProposed());
        assertNull(lines.get(1).getApprovedAmount());
        assertEquals("得分较低", lines.get(1).getReason());
        assertEquals(yuan("250000"), ApprovalRules.totalOf(lines));
        assertEquals(candidate(2, "90", 0, "300000", "250000"), lines.get(0).candidate());
    }

    /** The amount's bounds: above zero, money, at most the request and at most the agency's recommendation. */
    @ParameterizedTest(name = "{0} with requested {1}, recommended {2}: {3}")
    @CsvSource(nullValues = "null", value = {
            "300000, 300000, null, ok",
            "300000.01, 300000, null, approvalList.aboveRequested",
            "0.01, 300000, null, ok",
            "0, 300000, null, approvalList.amountNotPositive",
            "0.00, 300000, null, approvalList.amountNotPositive",
            "-1, 300000, null, approvalList.amountNotMoney",
            "1.001, 300000, null, approvalList.amountNotMoney",
            "1.100, 300000, null, ok",
            "null, 300000, null, approvalList.amountRequired",
            "200000, 300000, 200000, ok",
            "200000.01, 300000, 200000, approvalList.aboveRecommended",
            "300000.01, 300000, 400000, approvalList.aboveRequested",
            "300000, 300000, 400000, ok",
    })
    void theAmountIsBounded(String amount, String requested, String recommended, String expected) {
        Executable draw = () -> ApprovalRules.lines(List.of(candidate(7, "88", 0, requested, recommended)),
                List.of(Proposal.of(7L, amount == null ? null : new BigDecimal(amount))), yuan("99999999"));
        if ("ok".equals(expected)) {
            assertDoesNotThrow(draw);
        } else {
            assertEquals(List.of(expected), keys(assertThrows(InvalidFormException.class, draw)));
        }
    }

    @Test
    void theProblemNamesTheProjectAndTheFigures() {
        InvalidFormException e = assertThrows(InvalidFormException.class, () -> ApprovalRules.lines(
                List.of(candidate(7, "88", 0, "300000", "200000")), List.of(Proposal.of(7L, new BigDecimal("250000"))),
                yuan("1000000")));
        FieldProblem p = e.problems().get(0);
        assertEquals("line:7", p.field());
        assertEquals(List.of("项目7", "250,000.00", "200,000.00"), p.arguments());
    }

    /** The budget: the proposed total may reach it exactly; a fen more is refused, naming both; refusals do not count. */
    @ParameterizedTest(name = "budget {0}: {1}")
    @CsvSource({"500000.00, ok", "500000.01, ok", "499999.99, approvalList.overBudget", "0, approvalList.overBudget"})
    void theTotalStaysWithinTheBudget(String budget, String expected) {
        List<ApprovalCandidate> candidates = List.of(candidate(1, "90", 0, "300000", null),
                candidate(2, "85", 0, "300000", null), candidate(3, "60", 0, "900000", null));
        List<Proposal> proposals = List.of(Proposal.of(1L, new BigDecimal("300000")),
                Proposal.of(2L, new BigDecimal("200000")), Proposal.notProposed(3L, "不合格"));
        Executable draw = () -> ApprovalRules.lines(candidates, proposals, yuan(budget));
        if ("ok".equals(expected)) {
            assertDoesNotThrow(draw);
        } else {
            InvalidFormException e = assertThrows(InvalidFormException.class, draw);
            assertEquals(List.of(expected), keys(e));
            assertEquals("total", e.problems().get(0).field());
            assertEquals("500,000.00", e.problems().get(0).arguments().get(0));
        }
    }

    /** A refused line's valid amount still counts towards the budget: the reviewer sees both problems at once. */
    @Test
    void everyProblemIsReportedAtOnce() {
        InvalidFormException e = assertThrows(InvalidFormException.class, () -> ApprovalRules.lines(
                List.of(candidate(1, "90", 0, "100", "50"), candidate(2, "80", 0, "100", null),
                        candidate(3, "70", 0, "100", null), candidate(4, "60", 0, "100", null)),
                List.of(Proposal.of(1L, new BigDecimal("60")), Proposal.notProposed(2L, " "),
                        Proposal.of(2L, new BigDecimal("1")), Proposal.of(9L, new BigDecimal("1"))),
                yuan("59")));
        assertEquals("form.invalid", e.messageKey());
        assertEquals(List.of("approvalList.decidedTwice", "approvalList.aboveRecommended", "approvalList.reasonRequired",
                "approvalList.undecided", "approvalList.undecided", "approvalList.notACandidate",
                "approvalList.overBudget"), keys(e));
    }

    @ParameterizedTest(name = "reason of {0} characters: {1}")
    @CsvSource({"1, ok", "1000, ok", "1001, approvalList.reasonTooLong", "0, approvalList.reasonRequired"})
    void aLineNotProposedGivesItsReason(int length, String expected) {
        Executable draw = () -> ApprovalRules.lines(List.of(candidate(1, "50", 0, "100", null)),
                List.of(Proposal.notProposed(1L, "理".repeat(length))), yuan("100"));
        if ("ok".equals(expected)) {
            assertDoesNotThrow(draw);
        } else {
            assertEquals(List.of(expected), keys(assertThrows(InvalidFormException.class, draw)));
        }
        assertEquals(1000, Lengths.REASON);
    }

    @Test
    void aListNeedsCandidates() {
        InvalidFormException e = assertThrows(InvalidFormException.class,
                () -> ApprovalRules.lines(List.of(), List.of(), yuan("100")));
        assertEquals("approvalList.noCandidates", e.messageKey());
    }

    @Test
    void theRunningTotalCountsTheProposedAmountsThatAreMoney() {
        assertEquals(yuan("350.50"), ApprovalRules.total(List.of(Proposal.of(1L, new BigDecimal("100")),
                Proposal.of(2L, new BigDecimal("250.50")), Proposal.of(3L, new BigDecimal("1.001")),
                Proposal.of(4L, null), Proposal.notProposed(5L, "x"))));
        assertEquals(yuan("0"), ApprovalRules.total(List.of()));
    }

    private static List<String> keys(InvalidFormException e) {
        return e.problems().stream().map(FieldProblem::messageKey).toList();
    }
}
