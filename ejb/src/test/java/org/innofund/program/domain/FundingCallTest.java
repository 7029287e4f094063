package org.innofund.program.domain;

import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import org.innofund.shared.FileType;

import java.math.BigDecimal;
import java.util.Set;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FundingCallTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2025-02-01T00:00:00Z");
    /** 2025-03-01 09:00 and 2025-04-30 17:00, Asia/Shanghai. */
    private static final Instant OPENS = LocalDateTime.parse("2025-03-01T09:00").atZone(SHANGHAI).toInstant();
    private static final Instant CLOSES = LocalDateTime.parse("2025-04-30T17:00").atZone(SHANGHAI).toInstant();

    private static Program program() {
        return new Program(" 研发投入后补助 ", SubsidyKind.RD_INVESTMENT, " 高新技术科 ", NOW);
    }

    private static FundingCall call(Instant opens, Instant closes, String budget) {
        return FundingCall.draft(program(), "  2025 年度研发投入后补助申报通知 ", 2025, opens, closes,
                new BigDecimal(budget), null, "指南", "reviewer", NOW);
    }

    private static FundingCall published() {
        FundingCall call = call(OPENS, CLOSES, "5000000.00");
        call.publish("approver", NOW);
        return call;
    }

    @Test
    void theEvaluationStagesStartFromTheKindAndChangeWhileADraftOnly() {
        FundingCall call = call(OPENS, CLOSES, "5000000");
        assertEquals(Set.of(EvaluationStage.APPROVAL), call.getEvaluationStages(), "R&D investment: the verification only");
        call.changeEvaluation(Set.of(EvaluationStage.APPROVAL, EvaluationStage.PERFORMANCE), true);
        assertEquals(Set.of(EvaluationStage.APPROVAL, EvaluationStage.PERFORMANCE), call.getEvaluationStages());
        assertTrue(call.isConsolidatedSheetAllowed());
        for (Set<EvaluationStage> bad : java.util.Arrays.<Set<EvaluationStage>>asList(null, Set.of(),
                new java.util.HashSet<>(java.util.Arrays.asList(EvaluationStage.MIDTERM, null)))) {
            BusinessException refused = assertThrows(BusinessException.class, () -> call.changeEvaluation(bad, false));
            assertEquals("call.stagesRequired", refused.messageKey());
        }
        assertEquals(Set.of(EvaluationStage.APPROVAL, EvaluationStage.PERFORMANCE), call.getEvaluationStages(), "unchanged");
        FundingCall published = published();
        assertThrows(BusinessException.class, () -> published.changeEvaluation(Set.of(EvaluationStage.APPROVAL), false));
    }

    /**
     * 评估截止日: a MIDTERM / ACCEPTANCE evaluation is due the call's days after the day of assignment in Beijing time
     * (an assignment at 00:30 there is still 16:30 UTC of the day before); other stages have no due date from the call.
     */
    @Test
    void aMidtermOrAcceptanceEvaluationIsDueTheCallsDaysAfterTheBeijingDayOfAssignment() {
        FundingCall call = FundingCall.draft(new Program("科技项目", SubsidyKind.PRE_APPROVED, "高新技术科", NOW),
                "2025 年度科技项目申报通知", 2025, OPENS, CLOSES, new BigDecimal("5000000"), null, "指南", "reviewer", NOW);
        Instant lateInTheEvening = LocalDateTime.parse("2025-06-30T23:59:59").atZone(SHANGHAI).toInstant();
        Instant afterMidnight = LocalDateTime.parse("2025-07-01T00:30").atZone(SHANGHAI).toInstant();
        assertEquals("2025-06-30T16:30:00Z", afterMidnight.toString());
        assertEquals(Optional.of(LocalDate.of(2025, 7, 30)), call.evaluationDueOn(EvaluationStage.MIDTERM, lateInTheEvening),
                "the default: 30 days");
        assertEquals(Optional.of(LocalDate.of(2025, 7, 31)), call.evaluationDueOn(EvaluationStage.MIDTERM, afterMidnight));
        call.changeParameter("evaluationDays.ACCEPTANCE", new BigDecimal("90"));
        assertEquals(Optional.of(LocalDate.of(2025, 9, 29)), call.evaluationDueOn(EvaluationStage.ACCEPTANCE, afterMidnight));
        assertEquals(Optional.of(LocalDate.of(2025, 7, 31)), call.evaluationDueOn(EvaluationStage.MIDTERM, afterMidnight),
                "each stage its own days");
        assertEquals(Optional.empty(), call.evaluationDueOn(EvaluationStage.APPROVAL, afterMidnight));
        assertEquals(Optional.empty(), call.evaluationDueOn(EvaluationStage.PERFORMANCE, afterMidnight));
        for (String bad : List.of("0", "181", "7.5")) {
            BusinessException refused = assertThrows(BusinessException.class,
                    () -> call.changeParameter("evaluationDays.MIDTERM", new BigDecimal(bad)));
            assertEquals("call.parameterRange", refused.messageKey(), bad);
        }
        assertEquals(Optional.of(LocalDate.of(2025, 7, 31)), published().evaluationDueOn(EvaluationStage.MIDTERM,
                afterMidnight), "a kind without the parameter: its default");
    }

    @Test
    void aNewCallIsADraftWithItsValues() {
        FundingCall call = call(OPENS, CLOSES, "5000000");
        assertEquals(CallStatus.DRAFT, call.getStatus());
        assertEquals("2025 年度研发投入后补助申报通知", call.getTitle());
        assertEquals(2025, call.getYear());
        assertEquals(OPENS, call.getOpensAt());
        assertEquals(CLOSES, call.getClosesAt());
        assertEquals("指南", call.getGuide());
        assertEquals(NOW, call.getCreatedAt());
        assertEquals("研发投入后补助", call.getProgram().getName());
        assertEquals("高新技术科", call.getProgram().getDepartment());
        assertEquals(SubsidyKind.RD_INVESTMENT, call.getProgram().getSubsidyKind());
    }

    @Test
    void theBudgetIsKeptInFen() {
        assertEquals("5000000.00", call(OPENS, CLOSES, "5000000").getBudget().toString());
        assertEquals("0.50", call(OPENS, CLOSES, "0.5").getBudget().toString());
        assertEquals("0.00", call(OPENS, CLOSES, "0").getBudget().toString());
        assertEquals("12345678901234.99", call(OPENS, CLOSES, "12345678901234.99").getBudget().toString());
        assertEquals("1000.00", call(OPENS, CLOSES, "1E+3").getBudget().toString());
    }

    @Test
    void closingAtTheOpeningInstantIsRefused() {
        BusinessException e = assertThrows(BusinessException.class, () -> call(OPENS, OPENS, "1.00"));
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertEquals("call.closesBeforeOpens", e.messageKey());
    }

    @Test
    void closingBeforeOpeningIsRefused() {
        BusinessException e = assertThrows(BusinessException.class, () -> call(CLOSES, OPENS, "1.00"));
        assertEquals("call.closesBeforeOpens", e.messageKey());
    }

    @Test
    void oneNanosecondIsEnough() {
        assertEquals(OPENS.plusNanos(1), call(OPENS, OPENS.plusNanos(1), "1.00").getClosesAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "-1", "-5000000.00"})
    void aNegativeBudgetIsRefused(String budget) {
        BusinessException e = assertThrows(BusinessException.class, () -> call(OPENS, CLOSES, budget));
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertEquals("money.invalid", e.messageKey());
        assertArrayEquals(new Object[] {budget}, e.arguments());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.005", "0.001", "100.123"})
    void moreThanTwoDecimalsAreRefused(String budget) {
        BusinessException e = assertThrows(BusinessException.class, () -> call(OPENS, CLOSES, budget));
        assertEquals("money.invalid", e.messageKey());
        assertArrayEquals(new Object[] {budget}, e.arguments());
    }

    @Test
    void theMessageArgumentIsPlainNotScientific() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> call(OPENS, CLOSES, "-1E+3"));
        assertArrayEquals(new Object[] {"-1000"}, e.arguments());
    }

    @Test
    void aDraftIsNeverOpen() {
        FundingCall call = call(OPENS, CLOSES, "1.00");
        assertFalse(call.isOpen(OPENS));
        assertFalse(call.isOpen(OPENS.plusSeconds(3600)));
    }

    @Test
    void aPublishedCallIsOpenFromItsOpeningInstantUpToButExcludingItsClosingInstant() {
        FundingCall call = published();
        assertFalse(call.isOpen(OPENS.minusNanos(1)));
        assertTrue(call.isOpen(OPENS));
        assertTrue(call.isOpen(OPENS.plusSeconds(86_400)));
        assertTrue(call.isOpen(CLOSES.minusNanos(1)));
        assertFalse(call.isOpen(CLOSES));
        assertFalse(call.isOpen(CLOSES.plusSeconds(1)));
    }

    @Test
    void theDeadlineIsShanghaiTime() {
        FundingCall call = published();
        // 17:00 in Shanghai is 09:00 UTC
        assertTrue(call.isOpen(Instant.parse("2025-04-30T08:59:59Z")));
        assertFalse(call.isOpen(Instant.parse("2025-04-30T09:00:00Z")));
    }

    @Test
    void theNoticeIsReplaceableWhileADraftAndFixedOncePublished() {
        call(OPENS, CLOSES, "5000000.00").requireNoticeReplaceable();
        BusinessException e = assertThrows(BusinessException.class, () -> published().requireNoticeReplaceable());
        assertEquals(BusinessException.Kind.CONFLICT, e.kind());
        assertEquals("notice.fixed", e.messageKey());
        assertArrayEquals(new Object[] {"2025 年度研发投入后补助申报通知"}, e.arguments());
    }

    @Test
    void publishingTwiceIsAConflict() {
        FundingCall call = published();
        assertEquals(CallStatus.PUBLISHED, call.getStatus());
        BusinessException e = assertThrows(BusinessException.class, () -> call.publish("approver", NOW));
        assertEquals(BusinessException.Kind.CONFLICT, e.kind());
        assertEquals(409, e.kind().httpStatus());
        assertEquals("call.alreadyPublished", e.messageKey());
        assertArrayEquals(new Object[] {"2025 年度研发投入后补助申报通知"}, e.arguments());
        assertEquals(CallStatus.PUBLISHED, call.getStatus());
    }

    // A call prepared by a reviewer (draft), frozen once an approver publishes it.

    private static final Instant PUBLISHED_AT = Instant.parse("2025-02-10T02:00:00Z");

    private static FundingCall draft(String maxRequest) {
        return FundingCall.draft(program(), "2025 年度研发投入后补助", 2025, OPENS, CLOSES, new BigDecimal("5000000.00"),
                maxRequest == null ? null : new BigDecimal(maxRequest), "指南", "reviewer", NOW);
    }

    private static BusinessException frozen(org.junit.jupiter.api.function.Executable change) {
        BusinessException e = assertThrows(BusinessException.class, change);
        assertEquals(BusinessException.Kind.CONFLICT, e.kind());
        assertEquals("call.alreadyPublished", e.messageKey());
        return e;
    }

    /** Everything a call says, to compare before and after a refused change. */
    private static List<Object> state(FundingCall c) {
        return List.of(c.getTitle(), c.getYear(), c.getOpensAt(), c.getClosesAt(), c.getBudget(),
                Optional.ofNullable(c.getMaxRequest()), Optional.ofNullable(c.getGuide()), c.getStatus(), c.getRuleParameters(),
                List.copyOf(c.getRequiredAttachments()), List.copyOf(c.getScoringTemplate()),
                Optional.ofNullable(c.getPublishedBy()), Optional.ofNullable(c.getPublishedAt()));
    }

    @Test
    void aDraftKnowsWhoPreparedItAndStartsFromTheDefaultsOfItsKind() {
        FundingCall call = draft("2000000");
        assertEquals(CallStatus.DRAFT, call.getStatus());
        assertEquals("reviewer", call.getCreatedBy());
        assertEquals("2000000.00", call.getMaxRequest().toString());
        assertEquals(RuleParameters.defaults(SubsidyKind.RD_INVESTMENT), call.getRuleParameters());
        assertEquals(ScoringIndicator.defaultTemplate(), call.getScoringTemplate());
        assertEquals(List.of(), call.getRequiredAttachments());
        assertNull(call.getPublishedBy());
        assertNull(call.getPublishedAt());
    }

    @Test
    void withoutALimitOnlyTheBudgetLimitsARequest() {
        assertNull(draft(null).getMaxRequest());
    }

    @Test
    void theLimitMayEqualTheBudgetButNotExceedItByOneFen() {
        assertEquals("5000000.00", draft("5000000").getMaxRequest().toString());
        BusinessException e = assertThrows(BusinessException.class, () -> draft("5000000.01"));
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertEquals("call.maxRequestAboveBudget", e.messageKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "0.001", "100.125"})
    void theLimitIsMoney(String maxRequest) {
        BusinessException e = assertThrows(BusinessException.class, () -> draft(maxRequest));
        assertEquals("money.invalid", e.messageKey());
        assertArrayEquals(new Object[] {maxRequest}, e.arguments());
    }

    @Test
    void aDraftCanBeRevised() {
        FundingCall call = draft("2000000");
        Instant opens = OPENS.plusSeconds(86_400);
        Instant closes = CLOSES.plusSeconds(86_400);
        call.revise(" 新标题 ", 2026, opens, closes, new BigDecimal("3000000"), null, "新指南");
        assertEquals("新标题", call.getTitle());
        assertEquals(2026, call.getYear());
        assertEquals(opens, call.getOpensAt());
        assertEquals(closes, call.getClosesAt());
        assertEquals("3000000.00", call.getBudget().toString());
        assertNull(call.getMaxRequest());
        assertEquals("新指南", call.getGuide());
        assertEquals(CallStatus.DRAFT, call.getStatus());
    }

    /** A refused revision changes nothing, not even the fields checked before the one that failed. */
    @Test
    void aRefusedRevisionChangesNothing() {
        FundingCall call = draft("2000000");
        List<Object> before = state(call);
        BusinessException above = assertThrows(BusinessException.class, () -> call.revise("新标题", 2026, OPENS, CLOSES,
                new BigDecimal("1000000"), new BigDecimal("2000000"), "新指南"));
        assertEquals("call.maxRequestAboveBudget", above.messageKey());
        assertEquals(before, state(call));
        assertTrue(call.getMaxRequest().compareTo(call.getBudget()) <= 0);

        assertEquals("call.closesBeforeOpens", assertThrows(BusinessException.class, () -> call.revise("新标题", 2026,
                CLOSES, OPENS, new BigDecimal("1000000"), null, "新指南")).messageKey());
        assertEquals("money.invalid", assertThrows(BusinessException.class, () -> call.revise("新标题", 2026,
                OPENS, CLOSES, new BigDecimal("-1"), null, "新指南")).messageKey());
        assertEquals("money.invalid", assertThrows(BusinessException.class, () -> call.revise("新标题", 2026,
                OPENS, CLOSES, new BigDecimal("1000000"), new BigDecimal("0.001"), "新指南")).messageKey());
        assertEquals(before, state(call));
    }

    @Test
    void parametersChangeWhileADraft() {
        FundingCall call = draft(null);
        call.changeParameter("band1.rate", new BigDecimal("0.07"));
        assertEquals(new BigDecimal("0.07"), call.getRuleParameters().get("band1.rate"));
        assertEquals(new BigDecimal("0.05"), call.getRuleParameters().get("band2.rate"));
        BusinessException unknown = assertThrows(BusinessException.class,
                () -> call.changeParameter("reward.TECH_SME", BigDecimal.ONE));
        assertEquals("call.parameterUnknown", unknown.messageKey());
        assertEquals(new BigDecimal("0.07"), call.getRuleParameters().get("band1.rate"));
    }

    @Test
    void theDefaultsFollowTheKindOfTheProgram() {
        for (SubsidyKind kind : SubsidyKind.values()) {
            FundingCall call = FundingCall.draft(new Program("P", kind, "D", NOW), "T", 2025, OPENS, CLOSES,
                    BigDecimal.TEN, null, null, "reviewer", NOW);
            assertEquals(RuleParameters.defaults(kind), call.getRuleParameters(), kind.name());
        }
    }

    @Test
    void requiredAttachmentsAreReplacedInTheirOrder() {
        FundingCall call = draft(null);
        AttachmentRequirement licence = new AttachmentRequirement("营业执照", true, EnumSet.of(FileType.PDF, FileType.JPG));
        AttachmentRequirement budget = new AttachmentRequirement("预算明细表", false, EnumSet.of(FileType.XLSX));
        List<AttachmentRequirement> given = new ArrayList<>(List.of(budget, licence));
        call.replaceRequiredAttachments(given);
        given.clear();
        assertEquals(List.of(budget, licence), call.getRequiredAttachments());
        assertEquals(Optional.of(licence), call.requirement("营业执照"));
        assertEquals(Optional.empty(), call.requirement("营业执照 "));
        assertThrows(UnsupportedOperationException.class, () -> call.getRequiredAttachments().add(licence));
        call.replaceRequiredAttachments(List.of());
        assertEquals(List.of(), call.getRequiredAttachments());
    }

    @Test
    void aRequirementNamedTwiceIsRefused() {
        FundingCall call = draft(null);
        AttachmentRequirement licence = new AttachmentRequirement("营业执照", true, EnumSet.of(FileType.PDF));
        call.replaceRequiredAttachments(List.of(licence));
        BusinessException e = assertThrows(BusinessException.class, () -> call.replaceRequiredAttachments(List.of(
                new AttachmentRequirement("营业执照", true, EnumSet.of(FileType.PDF)),
                new AttachmentRequirement(" 营业执照", false, EnumSet.of(FileType.JPG)))));
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertEquals("call.requirementDuplicate", e.messageKey());
        assertEquals(List.of(licence), call.getRequiredAttachments());
    }

    @Test
    void theScoringTemplateIsReplacedOnlyByOneSummingTo100() {
        FundingCall call = draft(null);
        List<ScoringIndicator> ninetyNine = List.of(new ScoringIndicator("A", 50), new ScoringIndicator("B", 49));
        assertEquals("call.templateWeights", assertThrows(BusinessException.class,
                () -> call.replaceScoringTemplate(ninetyNine)).messageKey());
        assertEquals(ScoringIndicator.defaultTemplate(), call.getScoringTemplate());
        List<ScoringIndicator> own = List.of(new ScoringIndicator("A", 60), new ScoringIndicator("B", 40));
        call.replaceScoringTemplate(own);
        assertEquals(own, call.getScoringTemplate());
        assertThrows(UnsupportedOperationException.class, () -> call.getScoringTemplate().clear());
    }

    @Test
    void whoPreparedACallCannotPublishIt() {
        FundingCall call = draft(null);
        BusinessException e = assertThrows(BusinessException.class, () -> call.publish("reviewer", PUBLISHED_AT));
        assertEquals(BusinessException.Kind.FORBIDDEN, e.kind());
        assertEquals("call.publisherIsPreparer", e.messageKey());
        assertEquals(CallStatus.DRAFT, call.getStatus());
        assertNull(call.getPublishedBy());
        assertNull(call.getPublishedAt());
        assertFalse(call.isOpen(OPENS));
    }

    /** The four-eyes rule cannot be switched off by leaving the preparer out. */
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aCallCannotBeMadeWithoutWhoPreparesIt(String preparedBy) {
        assertThrows(IllegalArgumentException.class, () -> FundingCall.draft(program(), "T", 2025, OPENS, CLOSES,
                new BigDecimal("1.00"), null, "指南", preparedBy, NOW));
    }

    @Test
    void anotherPersonPublishesIt() {
        FundingCall call = draft(null);
        call.publish("approver", PUBLISHED_AT);
        assertEquals(CallStatus.PUBLISHED, call.getStatus());
        assertEquals("approver", call.getPublishedBy());
        assertEquals(PUBLISHED_AT, call.getPublishedAt());
        assertEquals("reviewer", call.getCreatedBy());
        assertFalse(call.isOpen(OPENS.minusNanos(1)));
        assertTrue(call.isOpen(OPENS));
        assertTrue(call.isOpen(CLOSES.minusNanos(1)));
        assertFalse(call.isOpen(CLOSES));
    }

    @Test
    void aPublishedCallIsFrozen() {
        FundingCall call = draft("1000000");
        call.replaceRequiredAttachments(List.of(new AttachmentRequirement("营业执照", true, EnumSet.of(FileType.PDF))));
        call.publish("approver", PUBLISHED_AT);
        List<Object> before = state(call);
        frozen(() -> call.revise("新标题", 2026, OPENS, CLOSES, new BigDecimal("1"), null, null));
        frozen(() -> call.changeParameter("band1.rate", new BigDecimal("0.07")));
        frozen(() -> call.changeParameter("no.such.name", new BigDecimal("0.07")));
        frozen(() -> call.replaceRequiredAttachments(List.of()));
        frozen(() -> call.replaceScoringTemplate(List.of(new ScoringIndicator("A", 100))));
        frozen(() -> call.publish("someone else", PUBLISHED_AT.plusSeconds(60)));
        frozen(() -> call.publish("reviewer", PUBLISHED_AT.plusSeconds(60)));
        assertEquals(before, state(call));
        assertEquals(new BigDecimal("0.06"), call.getRuleParameters().get("band1.rate"));
    }

    // How many declarations one enterprise may start: 1 unless a project call (PRE_APPROVED) allows more.

    private static FundingCall draftOf(SubsidyKind kind) {
        return FundingCall.draft(new Program("计划", kind, "高新技术科", NOW), "2025 年度申报", 2025, OPENS, CLOSES,
                new BigDecimal("5000000.00"), null, "指南", "reviewer", NOW);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(SubsidyKind.class)
    void everyCallAllowsOneDeclarationPerEnterpriseByDefault(SubsidyKind kind) {
        assertEquals(1, draftOf(kind).getDeclarationsPerEnterprise());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "3.0", "20"})
    void aProjectCallMayAllowMore(String limit) {
        FundingCall call = draftOf(SubsidyKind.PRE_APPROVED);
        call.changeParameter(RuleParameters.DECLARATIONS_PER_ENTERPRISE, new BigDecimal(limit));
        assertEquals(new BigDecimal(limit).intValueExact(), call.getDeclarationsPerEnterprise());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "0.99", "21"})
    void theLimitIsAWholeNumberFromOneToTwenty(String limit) {
        FundingCall call = draftOf(SubsidyKind.PRE_APPROVED);
        BusinessException e = assertThrows(BusinessException.class,
                () -> call.changeParameter(RuleParameters.DECLARATIONS_PER_ENTERPRISE, new BigDecimal(limit)));
        assertEquals("call.declarationsPerEnterprise", e.messageKey());
        assertEquals(1, call.getDeclarationsPerEnterprise(), "a refused change changes nothing");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = SubsidyKind.class, names = "PRE_APPROVED",
            mode = org.junit.jupiter.params.provider.EnumSource.Mode.EXCLUDE)
    void aPostSubsidyCallAllowsOnlyOne(SubsidyKind kind) {
        FundingCall call = draftOf(kind);
        call.changeParameter(RuleParameters.DECLARATIONS_PER_ENTERPRISE, BigDecimal.ONE);
        BusinessException e = assertThrows(BusinessException.class,
                () -> call.changeParameter(RuleParameters.DECLARATIONS_PER_ENTERPRISE, new BigDecimal("2")));
        assertEquals("call.oneDeclarationPerEnterprise", e.messageKey());
        assertEquals(1, call.getDeclarationsPerEnterprise());
    }

    @Test
    void theLimitIsSetOnlyWhileTheCallIsADraft() {
        FundingCall call = draftOf(SubsidyKind.PRE_APPROVED);
        call.publish("approver", PUBLISHED_AT);
        frozen(() -> call.changeParameter(RuleParameters.DECLARATIONS_PER_ENTERPRISE, new BigDecimal("2")));
        assertEquals(1, call.getDeclarationsPerEnterprise());
    }

    /** A call stored before the limit existed has no such parameter: it allows one. */
    @Test
    void aCallWithoutTheParameterAllowsOne() {
        FundingCall call = draftOf(SubsidyKind.PRE_APPROVED);
        try {
            java.lang.reflect.Field f = FundingCall.class.getDeclaredField("ruleParameters");
            f.setAccessible(true);
            f.set(call, RuleParameters.parse("enterpriseYearCap=5000000"));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        assertEquals(1, call.getDeclarationsPerEnterprise());
    }

    /** 退回起草人: the draft stays a draft with the opinion, can be revised and published later. */
    @Test
    void anApproverSendsADraftBackWithAnOpinionAndItCanStillBePublished() {
        FundingCall call = draft(null);
        call.returnToPreparer("approver", "  预算过高，请核减  ", PUBLISHED_AT);
        assertEquals(CallStatus.DRAFT, call.getStatus());
        assertEquals("预算过高，请核减", call.getReturnOpinion());
        assertEquals("approver", call.getReturnedBy());
        assertEquals(PUBLISHED_AT, call.getReturnedAt());
        call.revise("T2", 2025, OPENS, CLOSES, new BigDecimal("1.00"), null, "指南");
        call.publish("approver", PUBLISHED_AT);
        assertEquals(CallStatus.PUBLISHED, call.getStatus());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\n\t"})
    void aCallIsNotSentBackWithoutAnOpinion(String opinion) {
        FundingCall call = draft(null);
        BusinessException e = assertThrows(BusinessException.class, () -> call.returnToPreparer("approver", opinion, PUBLISHED_AT));
        assertEquals("call.returnOpinionRequired", e.messageKey());
        assertNull(call.getReturnOpinion());
    }

    @Test
    void whoPreparedACallCannotSendItBack() {
        FundingCall call = draft(null);
        BusinessException e = assertThrows(BusinessException.class, () -> call.returnToPreparer("reviewer", "不行", PUBLISHED_AT));
        assertEquals(BusinessException.Kind.FORBIDDEN, e.kind());
        assertEquals("call.returnerIsPreparer", e.messageKey());
        assertNull(call.getReturnOpinion());
    }

    @Test
    void aPublishedCallCannotBeSentBack() {
        FundingCall call = draft(null);
        call.publish("approver", PUBLISHED_AT);
        BusinessException e = assertThrows(BusinessException.class, () -> call.returnToPreparer("approver", "晚了", PUBLISHED_AT));
        assertEquals(BusinessException.Kind.CONFLICT, e.kind());
        assertEquals("call.alreadyPublished", e.messageKey());
        assertNull(call.getReturnOpinion());
    }

    /** 其他材料 is the slot every declaration has; a call listing it would make two slots of one name. */
    @ParameterizedTest
    @ValueSource(strings = {"其他材料", " 其他材料 "})
    void aCallCannotListTheOtherMaterialsSlot(String name) {
        FundingCall call = draft(null);
        BusinessException e = assertThrows(BusinessException.class, () -> call.replaceRequiredAttachments(List.of(
                new AttachmentRequirement("营业执照", true, EnumSet.of(FileType.PDF)),
                new AttachmentRequirement(name, false, EnumSet.of(FileType.PDF)))));
        assertEquals("call.requirementReserved", e.messageKey());
        assertEquals(List.of(), call.getRequiredAttachments());
        assertTrue(AttachmentRequirement.otherMaterials().isOtherMaterials());
        assertFalse(AttachmentRequirement.otherMaterials().isRequired());
        assertEquals(EnumSet.allOf(FileType.class), AttachmentRequirement.otherMaterials().getAllowedTypes());
    }
}
