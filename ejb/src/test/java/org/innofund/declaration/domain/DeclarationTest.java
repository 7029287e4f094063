package org.innofund.declaration.domain;

import org.innofund.identity.domain.Organisation;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.Program;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.innofund.declaration.domain.DeclarationState.ACCEPTED;
import static org.innofund.declaration.domain.DeclarationState.DRAFT;
import static org.innofund.declaration.domain.DeclarationState.REJECTED;
import static org.innofund.declaration.domain.DeclarationState.RETURNED;
import static org.innofund.declaration.domain.DeclarationState.SUBMITTED;
import static org.innofund.declaration.domain.DeclarationState.WITHDRAWN;
import static org.innofund.declaration.domain.Fixtures.CLOSES;
import static org.innofund.declaration.domain.Fixtures.CREATED;
import static org.innofund.declaration.domain.Fixtures.DURING;
import static org.innofund.declaration.domain.Fixtures.OPENS;
import static org.innofund.declaration.domain.Fixtures.call;
import static org.innofund.declaration.domain.Fixtures.enterprise;
import static org.innofund.declaration.domain.Fixtures.valid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeclarationTest {

    private static final List<Problem> NONE = List.of();
    private static final String ENTERPRISE_USER = "enterprise1";
    private static final String REVIEWER = "reviewer";

    private final FundingCall call = call(SubsidyKind.PRE_APPROVED);
    private final Organisation enterprise = enterprise();

    private Declaration started() {
        return Declaration.start(call, enterprise, ENTERPRISE_USER, DURING);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Starting a declaration

    @Test
    void aDeclarationStartsAsADraftOfItsEnterpriseInItsCall() {
        Declaration d = started();
        assertEquals(DRAFT, d.getState());
        assertSame(call, d.getCall());
        assertSame(enterprise, d.getEnterprise());
        assertEquals(ENTERPRISE_USER, d.getCreatedBy());
        assertEquals(DURING, d.getCreatedAt());
        assertEquals(0, d.getRevision());
        assertNull(d.getSubmittedAt());
        assertNull(d.getLastReason());
        assertTrue(d.isEditable());
        assertEquals(DeclarationContent.empty(), d.content());
        assertEquals(List.of(new Step(null, DRAFT, ENTERPRISE_USER, DURING, null)), stepsOf(d));
    }

    @Test
    void aDeclarationStartsFromTheOpeningInstantUpToJustBeforeTheClose() {
        assertEquals(DRAFT, Declaration.start(call, enterprise, ENTERPRISE_USER, OPENS).getState());
        assertEquals(DRAFT, Declaration.start(call, enterprise, ENTERPRISE_USER, CLOSES.minusNanos(1)).getState());
    }

    @Test
    void noDeclarationStartsOutsideTheCallsTimes() {
        for (Instant at : List.of(OPENS.minusNanos(1), CLOSES, CLOSES.plusSeconds(86_400))) {
            BusinessException e = assertThrows(BusinessException.class,
                    () -> Declaration.start(call, enterprise, ENTERPRISE_USER, at));
            assertEquals(BusinessException.Kind.CONFLICT, e.kind());
            assertEquals("declaration.callNotOpen", e.messageKey());
            assertArrayEquals(new Object[] {call.getTitle()}, e.arguments());
        }
    }

    @Test
    void noDeclarationStartsInADraftCall() {
        FundingCall draft = FundingCall.draft(new Program("P", SubsidyKind.REWARD, "D", CREATED), "草稿", 2025, OPENS,
                CLOSES, BigDecimal.TEN, null, null, REVIEWER, CREATED);
        BusinessException e = assertThrows(BusinessException.class,
                () -> Declaration.start(draft, enterprise, ENTERPRISE_USER, DURING));
        assertEquals("declaration.callNotOpen", e.messageKey());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Editing

    @Test
    void whatIsEditedReadsBackTheSame() {
        Declaration d = started();
        for (SubsidyKind kind : SubsidyKind.values()) {
            DeclarationContent c = valid(kind);
            d.edit(c);
            assertEquals(c, d.content(), kind.name());
        }
    }

    @Test
    void everyPartOfTheContentReadsBack() {
        DeclarationContent c = new DeclarationContent("项目", ProjectField.NEW_MATERIALS, LocalDate.of(2025, 7, 1),
                LocalDate.of(2026, 6, 30), "简介", "指标", new BigDecimal("10.50"),
                List.of(Fixtures.line(BudgetCategory.TESTING, FundingSource.SUBSIDY, "10.50")),
                Fixtures.rdFigures(),
                List.of(new DeclarationContent.AchievementData(Achievement.PROVINCIAL_RD_CENTER, "C-1", LocalDate.of(2025, 3, 3))),
                List.of(Fixtures.service("INV-1", LocalDate.of(2025, 4, 4), "9.99"),
                        Fixtures.service("INV-2", LocalDate.of(2025, 4, 5), "1.00")));
        Declaration d = started();
        d.edit(c);
        assertEquals(c, d.content());
        assertEquals("项目", d.getProjectName());
    }

    @Test
    void textIsTrimmedAndBlankTextIsAbsent() {
        Declaration d = started();
        d.edit(new DeclarationContent("  项目名称 ", null, null, null, " \t", "  指标\n", null, null,
                null, List.of(new DeclarationContent.AchievementData(Achievement.TECH_SME, " C-1 ", LocalDate.of(2025, 1, 1))),
                List.of(new DeclarationContent.ServiceRecordData(" 机构 ", " " + Fixtures.PROVIDER_USCC + " ", " INV-1 ",
                        LocalDate.of(2025, 2, 2), new BigDecimal("1.00")))));
        DeclarationContent c = d.content();
        assertEquals("项目名称", c.projectName());
        assertNull(c.summary());
        assertEquals("指标", c.keyIndicators());
        assertEquals("C-1", c.achievements().get(0).certificateNo());
        assertEquals(new DeclarationContent.ServiceRecordData("机构", Fixtures.PROVIDER_USCC, "INV-1", LocalDate.of(2025, 2, 2),
                new BigDecimal("1.00")), c.serviceRecords().get(0));
    }

    /**
     * Issue 9, item 7: a draft keeps whatever is storable, rows half filled or still empty included, as the user left
     * them (with the project name typed beside them); only submission asks for completeness.
     */
    @Test
    void aDraftKeepsHalfFilledAndEmptyRowsWithEverythingElse() {
        Declaration d = started();
        DeclarationContent c = new DeclarationContent("项目名称", null, null, null, null, null, null,
                List.of(new DeclarationContent.BudgetLineData(null, null, null),
                        new DeclarationContent.BudgetLineData(BudgetCategory.TESTING, null, new BigDecimal("1.00")),
                        new DeclarationContent.BudgetLineData(null, FundingSource.SUBSIDY, null)), null,
                List.of(new DeclarationContent.AchievementData(null, null, null),
                        new DeclarationContent.AchievementData(Achievement.TECH_SME, "C-1", null)),
                List.of(new DeclarationContent.ServiceRecordData(null, null, null, null, null),
                        new DeclarationContent.ServiceRecordData("机构", Fixtures.PROVIDER_USCC, "INV", LocalDate.of(2025, 1, 1), null)));
        d.edit(c);
        assertEquals(c, d.content());
        assertEquals("项目名称", d.getProjectName());
    }

    /** What can never be stored is refused (negative or sub-fen money, a negative count, text too long), and nothing changes. */
    @Test
    void aDraftWithBadMoneyACountOrTooLongTextIsRefusedAndLeftAsItWas() {
        Declaration d = started();
        d.edit(new DeclarationContent("原名称", null, null, null, null, null, null, null, null, null, null));
        List<DeclarationContent> unstorable = List.of(
                new DeclarationContent("新名称", null, null, null, null, null, new BigDecimal("-0.01"), null, null, null, null),
                new DeclarationContent("新名称", null, null, null, null, null, new BigDecimal("1.005"), null, null, null, null),
                new DeclarationContent("新名称", null, null, null, null, null, null,
                        List.of(new DeclarationContent.BudgetLineData(null, null, new BigDecimal("-1"))), null, null, null),
                new DeclarationContent("新名称", null, null, null, null, null, null, null,
                        new DeclarationContent.RdFiguresData(null, null, null, null, -1, null, null, null), null, null),
                new DeclarationContent("新名称", null, null, null, null, null, null, null, null,
                        List.of(new DeclarationContent.AchievementData(null, "C".repeat(65), null)), null),
                new DeclarationContent("新名称", null, null, null, null, null, null, null, null, null,
                        List.of(new DeclarationContent.ServiceRecordData(null, "9".repeat(19), null, null, null))),
                new DeclarationContent("新名称", null, null, null, null, null, null, null, null, null,
                        List.of(new DeclarationContent.ServiceRecordData(null, null, null, null, new BigDecimal("-5")))),
                new DeclarationContent("名".repeat(201), null, null, null, null, null, null, null, null, null, null));
        for (DeclarationContent c : unstorable) {
            BusinessException e = assertThrows(BusinessException.class, () -> d.edit(c), c.toString());
            assertEquals(BusinessException.Kind.INVALID, e.kind());
            assertEquals("原名称", d.getProjectName(), "nothing of the refused edit is kept");
        }
    }

    /** Exactly at the columns' lengths is storable (the limits are the schema's). */
    @Test
    void rowTextsUpToTheirColumnsAreKept() {
        Declaration d = started();
        d.edit(new DeclarationContent("名".repeat(200), null, null, null, null, null, null, null, null,
                List.of(new DeclarationContent.AchievementData(null, "C".repeat(64), null)),
                List.of(new DeclarationContent.ServiceRecordData("机".repeat(200), "9".repeat(18), "I".repeat(64), null, null))));
        assertEquals(64, d.content().achievements().get(0).certificateNo().length());
        assertEquals("9".repeat(18), d.content().serviceRecords().get(0).providerUscc());
    }

    @Test
    void anEditReplacesTheWholeContent() {
        Declaration d = started();
        d.edit(valid(SubsidyKind.PRE_APPROVED));
        d.edit(DeclarationContent.empty());
        assertEquals(DeclarationContent.empty(), d.content());
        assertEquals(1, d.getTransitions().size());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Submitting

    @Test
    void aSubmissionWithProblemsIsRefusedListingThemAllAndChangesNothing() {
        Declaration d = started();
        d.edit(valid(SubsidyKind.PRE_APPROVED));
        Snapshot before = Snapshot.of(d);
        List<Problem> problems = List.of(Problem.of("submit.projectName"), Problem.of("submit.attachmentMissing", "营业执照"),
                Problem.of("submit.blacklisted", "#1"));
        SubmissionRefusedException e = assertThrows(SubmissionRefusedException.class,
                () -> d.submit(ENTERPRISE_USER, DURING.plusSeconds(60), problems));
        assertEquals(problems, e.problems());
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertEquals("declaration.submissionRefused", e.messageKey());
        assertArrayEquals(new Object[] {3}, e.arguments());
        assertEquals(before, Snapshot.of(d));
    }

    @Test
    void theRefusalKeepsItsOwnCopyOfTheProblems() {
        Declaration d = started();
        List<Problem> problems = new ArrayList<>(List.of(Problem.of("submit.projectName")));
        SubmissionRefusedException e = assertThrows(SubmissionRefusedException.class,
                () -> d.submit(ENTERPRISE_USER, DURING, problems));
        problems.clear();
        assertEquals(List.of(Problem.of("submit.projectName")), e.problems());
    }

    @Test
    void aSubmissionWithoutProblemsIsSubmitted() {
        Declaration d = started();
        d.edit(valid(SubsidyKind.PRE_APPROVED));
        Instant at = DURING.plusSeconds(3600);
        d.submit(ENTERPRISE_USER, at, NONE);
        assertEquals(SUBMITTED, d.getState());
        assertEquals(1, d.getRevision());
        assertEquals(at, d.getSubmittedAt());
        assertFalse(d.isEditable());
        assertEquals(new Step(DRAFT, SUBMITTED, ENTERPRISE_USER, at, null), stepsOf(d).get(1));
        assertEquals(valid(SubsidyKind.PRE_APPROVED), d.content());
    }

    @Test
    void theLastInstantBeforeTheCloseIsInTime() {
        Declaration d = started();
        d.submit(ENTERPRISE_USER, CLOSES.minusNanos(1), NONE);
        assertEquals(SUBMITTED, d.getState());
    }

    /** The form was opened (and the declaration started and saved) while the call was open; the deadline is the submit's instant. */
    @Test
    void aSubmissionAtOrAfterTheCloseIsRefusedHoweverEarlyTheFormWasOpened() {
        Declaration d = Declaration.start(call, enterprise, ENTERPRISE_USER, OPENS);
        d.edit(valid(SubsidyKind.PRE_APPROVED));
        Snapshot before = Snapshot.of(d);
        for (Instant late : List.of(CLOSES, CLOSES.plusNanos(1), CLOSES.plusSeconds(86_400 * 30))) {
            BusinessException e = assertThrows(BusinessException.class, () -> d.submit(ENTERPRISE_USER, late, NONE));
            assertEquals(BusinessException.Kind.CONFLICT, e.kind());
            assertEquals("declaration.callClosed", e.messageKey());
            assertArrayEquals(new Object[] {call.getTitle()}, e.arguments());
        }
        assertEquals(before, Snapshot.of(d));
    }

    /** A late submission is refused for being late, whatever its problems: the problems could not be fixed in time anyway. */
    @Test
    void latenessComesBeforeTheProblems() {
        Declaration d = started();
        BusinessException e = assertThrows(BusinessException.class,
                () -> d.submit(ENTERPRISE_USER, CLOSES, List.of(Problem.of("submit.projectName"))));
        assertEquals("declaration.callClosed", e.messageKey());
        assertFalse(e instanceof SubmissionRefusedException);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The formal review

    @Test
    void aReturnedDeclarationIsRevisedAndResubmittedAsANewRevision() {
        Declaration d = started();
        Instant t1 = DURING.plusSeconds(60);
        Instant t2 = DURING.plusSeconds(120);
        Instant t3 = DURING.plusSeconds(180);
        Instant t4 = DURING.plusSeconds(240);
        d.submit(ENTERPRISE_USER, t1, NONE);
        d.returnForRevision("  预算明细不全，请补充。 ", REVIEWER, t2);
        assertEquals(RETURNED, d.getState());
        assertEquals("预算明细不全，请补充。", d.getLastReason());
        assertTrue(d.isEditable());
        d.edit(valid(SubsidyKind.PRE_APPROVED));
        d.submit(ENTERPRISE_USER, t3, NONE);
        assertEquals(2, d.getRevision());
        assertEquals(t3, d.getSubmittedAt());
        assertNull(d.getLastReason());
        d.accept(REVIEWER, t4);
        assertEquals(ACCEPTED, d.getState());
        assertEquals(List.of(
                new Step(null, DRAFT, ENTERPRISE_USER, DURING, null),
                new Step(DRAFT, SUBMITTED, ENTERPRISE_USER, t1, null),
                new Step(SUBMITTED, RETURNED, REVIEWER, t2, "预算明细不全，请补充。"),
                new Step(RETURNED, SUBMITTED, ENTERPRISE_USER, t3, null),
                new Step(SUBMITTED, ACCEPTED, REVIEWER, t4, null)), stepsOf(d));
    }

    @Test
    void aReturnedDeclarationCannotBeResubmittedAfterTheClose() {
        Declaration d = started();
        d.submit(ENTERPRISE_USER, DURING, NONE);
        d.returnForRevision("补充材料", REVIEWER, CLOSES.minusSeconds(60));
        d.edit(valid(SubsidyKind.PRE_APPROVED));
        BusinessException e = assertThrows(BusinessException.class, () -> d.submit(ENTERPRISE_USER, CLOSES, NONE));
        assertEquals("declaration.callClosed", e.messageKey());
        assertEquals(RETURNED, d.getState());
        assertEquals(1, d.getRevision());
        assertEquals("补充材料", d.getLastReason());
    }

    @Test
    void aRejectionRecordsItsReasonAndEndsTheDeclaration() {
        Declaration d = started();
        d.submit(ENTERPRISE_USER, DURING, NONE);
        Instant at = DURING.plusSeconds(600);
        d.reject(" 不符合申报条件 ", REVIEWER, at);
        assertEquals(REJECTED, d.getState());
        assertEquals("不符合申报条件", d.getLastReason());
        assertFalse(d.isEditable());
        assertEquals(new Step(SUBMITTED, REJECTED, REVIEWER, at, "不符合申报条件"), stepsOf(d).get(2));
    }

    @Test
    void anAcceptanceNeedsNoReason() {
        Declaration d = started();
        d.submit(ENTERPRISE_USER, DURING, NONE);
        d.accept(REVIEWER, DURING.plusSeconds(1));
        assertNull(d.getLastReason());
        assertNull(stepsOf(d).get(2).reason());
    }

    /** The bureau's decisions are not bound to the call's times: a formal review goes on after the close. */
    @Test
    void theReviewGoesOnAfterTheClose() {
        Declaration d = started();
        d.submit(ENTERPRISE_USER, DURING, NONE);
        d.accept(REVIEWER, CLOSES.plusSeconds(86_400 * 10));
        assertEquals(ACCEPTED, d.getState());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n", "\u3000"})
    void aReturnOrRejectionWithoutAReasonIsRefused(String reason) {
        for (Op op : List.of(Op.RETURN, Op.REJECT)) {
            Declaration d = in(SUBMITTED);
            Snapshot before = Snapshot.of(d);
            BusinessException e = assertThrows(BusinessException.class, () -> op.apply(d, reason, DURING));
            assertEquals(BusinessException.Kind.INVALID, e.kind());
            assertEquals("declaration.reasonRequired", e.messageKey(), op.name());
            assertEquals(before, Snapshot.of(d), op.name());
        }
    }

    @Test
    void aReasonOfAThousandCharactersIsEnoughAndOneMoreIsTooMany() {
        for (Op op : List.of(Op.RETURN, Op.REJECT)) {
            Declaration d = in(SUBMITTED);
            Snapshot before = Snapshot.of(d);
            BusinessException e = assertThrows(BusinessException.class,
                    () -> op.apply(d, "理".repeat(Declaration.REASON_MAX + 1), DURING));
            assertEquals(BusinessException.Kind.INVALID, e.kind());
            assertEquals("declaration.reasonTooLong", e.messageKey());
            assertArrayEquals(new Object[] {1000}, e.arguments());
            assertEquals(before, Snapshot.of(d));

            op.apply(d, "  " + "理".repeat(Declaration.REASON_MAX) + "  ", DURING);
            assertEquals("理".repeat(1000), d.getLastReason());
            assertEquals("理".repeat(1000), stepsOf(d).get(stepsOf(d).size() - 1).reason());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Every operation from every state

    enum Op {
        EDIT, SUBMIT, ACCEPT, RETURN, REJECT, WITHDRAW;

        void apply(Declaration d, String reason, Instant at) {
            switch (this) {
                case EDIT -> d.edit(valid(SubsidyKind.PRE_APPROVED));
                case SUBMIT -> d.submit(ENTERPRISE_USER, at, NONE);
                case ACCEPT -> d.accept(REVIEWER, at);
                case RETURN -> d.returnForRevision(reason, REVIEWER, at);
                case REJECT -> d.reject(reason, REVIEWER, at);
                case WITHDRAW -> d.withdraw(ENTERPRISE_USER, at);
            }
        }

        String actor() {
            return this == EDIT || this == SUBMIT || this == WITHDRAW ? ENTERPRISE_USER : REVIEWER;
        }
    }

    /** The life of a declaration in the formal review (DOMAIN.md): what each state allows, and where it leads. */
    private static final Map<DeclarationState, Map<Op, DeclarationState>> ALLOWED = new EnumMap<>(Map.of(
            DRAFT, Map.of(Op.EDIT, DRAFT, Op.SUBMIT, SUBMITTED),
            SUBMITTED, Map.of(Op.ACCEPT, ACCEPTED, Op.RETURN, RETURNED, Op.REJECT, REJECTED, Op.WITHDRAW, WITHDRAWN),
            RETURNED, Map.of(Op.EDIT, RETURNED, Op.SUBMIT, SUBMITTED),
            ACCEPTED, Map.of(),
            REJECTED, Map.of(),
            WITHDRAWN, Map.of(Op.EDIT, WITHDRAWN, Op.SUBMIT, SUBMITTED)));

    /** The key of the refusal of each operation. */
    private static final Map<Op, String> REFUSAL = Map.of(Op.EDIT, "declaration.notEditable",
            Op.SUBMIT, "declaration.notSubmittable", Op.ACCEPT, "declaration.notUnderReview",
            Op.RETURN, "declaration.notUnderReview", Op.REJECT, "declaration.notUnderReview",
            Op.WITHDRAW, "declaration.notWithdrawable");

    /** A declaration brought to the state the normal way. */
    private Declaration in(DeclarationState state) {
        Declaration d = started();
        switch (state) {
            case DRAFT -> { }
            case SUBMITTED -> d.submit(ENTERPRISE_USER, DURING, NONE);
            case ACCEPTED -> {
                d.submit(ENTERPRISE_USER, DURING, NONE);
                d.accept(REVIEWER, DURING);
            }
            case RETURNED -> {
                d.submit(ENTERPRISE_USER, DURING, NONE);
                d.returnForRevision("退回", REVIEWER, DURING);
            }
            case REJECTED -> {
                d.submit(ENTERPRISE_USER, DURING, NONE);
                d.reject("驳回", REVIEWER, DURING);
            }
            case WITHDRAWN -> {
                d.submit(ENTERPRISE_USER, DURING, NONE);
                d.withdraw(ENTERPRISE_USER, DURING);
            }
        }
        assertEquals(state, d.getState());
        return d;
    }

    static Stream<Arguments> everyStateAndOperation() {
        List<Arguments> all = new ArrayList<>();
        for (DeclarationState state : DeclarationState.values()) {
            for (Op op : Op.values()) {
                all.add(Arguments.of(state, op));
            }
        }
        return all.stream();
    }

    @Test
    void theTableCoversEveryStateAndAllowsTenMoves() {
        assertEquals(DeclarationState.values().length, ALLOWED.size());
        assertEquals(10, ALLOWED.values().stream().mapToInt(Map::size).sum());
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStateAndOperation")
    void everyOperationFromEveryState(DeclarationState from, Op op) {
        Declaration d = in(from);
        Snapshot before = Snapshot.of(d);
        Instant at = DURING.plusSeconds(900);
        Optional<DeclarationState> to = Optional.ofNullable(ALLOWED.get(from).get(op));
        if (to.isPresent()) {
            op.apply(d, " 理由 ", at);
            assertEquals(to.get(), d.getState());
            if (op == Op.EDIT) {
                assertEquals(before.steps(), stepsOf(d), "an edit is not a transition");
                assertEquals(valid(SubsidyKind.PRE_APPROVED), d.content());
            } else {
                List<Step> steps = stepsOf(d);
                assertEquals(before.steps().size() + 1, steps.size());
                assertEquals(before.steps(), steps.subList(0, before.steps().size()));
                String reason = op == Op.RETURN || op == Op.REJECT ? "理由" : null;
                assertEquals(new Step(from, to.get(), op.actor(), at, reason), steps.get(steps.size() - 1));
            }
            assertEquals(to.get() == DRAFT || to.get() == RETURNED || to.get() == WITHDRAWN, d.isEditable());
        } else {
            BusinessException e = assertThrows(BusinessException.class, () -> op.apply(d, " 理由 ", at));
            assertEquals(BusinessException.Kind.CONFLICT, e.kind(), e.messageKey());
            assertEquals(REFUSAL.get(op), e.messageKey());
            assertArrayEquals(new Object[] {from}, e.arguments());
            assertEquals(before, Snapshot.of(d), "a refused operation changes nothing");
        }
    }

    @ParameterizedTest
    @EnumSource(DeclarationState.class)
    void onlyDraftsAndReturnedOrWithdrawnDeclarationsAreEditable(DeclarationState state) {
        assertEquals(state == DRAFT || state == RETURNED || state == WITHDRAWN, in(state).isEditable());
    }

    // ---------------------------------------------------------------------------------------------------------

    /** One recorded transition, comparable. */
    record Step(DeclarationState from, DeclarationState to, String actor, Instant at, String reason) {
    }

    static List<Step> stepsOf(Declaration d) {
        return d.getTransitions().stream().map(t -> new Step(t.getFromState(), t.getToState(), t.getActor(),
                t.getOccurredAt(), t.getReason())).toList();
    }

    /** Everything a refused operation must leave as it was. */
    record Snapshot(DeclarationState state, int revision, Optional<Instant> submittedAt, Optional<String> lastReason,
                    DeclarationContent content, List<Step> steps) {
        static Snapshot of(Declaration d) {
            return new Snapshot(d.getState(), d.getRevision(), Optional.ofNullable(d.getSubmittedAt()),
                    Optional.ofNullable(d.getLastReason()), d.content(), stepsOf(d));
        }
    }

    @Test
    void aDeclarationIsNumberedAtItsFirstSubmissionAndKeepsTheNumber() {
        Declaration d = started();
        assertFalse(d.needsReceiptNumber(), "a draft has no number");
        assertNull(d.getReceiptNumber());
        assertThrows(IllegalStateException.class, () -> d.assignReceiptNumber(new ReceiptNumber("CXKJ", 2025, 1)));

        d.submit(ENTERPRISE_USER, DURING, NONE);
        assertTrue(d.needsReceiptNumber());
        d.assignReceiptNumber(new ReceiptNumber("CXKJ", 2025, 107));
        assertEquals("CXKJ-2025-SB-000107", d.getReceiptNumber());
        assertFalse(d.needsReceiptNumber());
        assertThrows(IllegalStateException.class, () -> d.assignReceiptNumber(new ReceiptNumber("CXKJ", 2025, 108)));

        d.withdraw(ENTERPRISE_USER, DURING.plusSeconds(60));
        d.edit(valid(SubsidyKind.PRE_APPROVED));
        d.submit(ENTERPRISE_USER, DURING.plusSeconds(120), NONE);
        assertFalse(d.needsReceiptNumber(), "a resubmission keeps its number");
        assertEquals("CXKJ-2025-SB-000107", d.getReceiptNumber());
        assertEquals(2, d.getRevision());
        assertEquals(List.of(DRAFT, SUBMITTED, WITHDRAWN, SUBMITTED),
                stepsOf(d).stream().map(Step::to).toList());
    }

    @ParameterizedTest
    @EnumSource(DeclarationState.class)
    void onlyADraftNeverSubmittedCanBeDeleted(DeclarationState state) {
        Declaration d = in(state);
        if (state == DRAFT) {
            d.requireDeletable();
        } else {
            BusinessException e = assertThrows(BusinessException.class, d::requireDeletable);
            assertEquals(BusinessException.Kind.CONFLICT, e.kind());
            assertEquals("declaration.notDeletable", e.messageKey());
            assertArrayEquals(new Object[] {state}, e.arguments());
        }
    }

    @Test
    void theTransitionsCannotBeChangedFromOutside() {
        Declaration d = started();
        assertThrows(UnsupportedOperationException.class, () -> d.getTransitions().clear());
    }
}
