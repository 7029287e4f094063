package org.innofund.declaration.application;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.innofund.declaration.application.DeclarationService.SubmittedRevision;
import org.innofund.declaration.application.RevisionChanges.Change;
import org.innofund.declaration.application.RevisionChanges.Field;
import org.innofund.declaration.application.RevisionChanges.FieldChange;
import org.innofund.declaration.application.RevisionChanges.LineChange;
import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.BudgetCategory;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.DeclarationContent.AchievementData;
import org.innofund.declaration.domain.DeclarationContent.BudgetLineData;
import org.innofund.declaration.domain.DeclarationContent.RdFiguresData;
import org.innofund.declaration.domain.DeclarationContent.ServiceRecordData;
import org.innofund.declaration.domain.FundingSource;
import org.innofund.declaration.domain.ProjectField;
import org.innofund.program.domain.AttachmentRequirement;
import org.innofund.shared.FileType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.innofund.declaration.domain.BudgetCategory.EQUIPMENT;
import static org.innofund.declaration.domain.BudgetCategory.MATERIALS;
import static org.innofund.declaration.domain.BudgetCategory.TESTING;
import static org.innofund.declaration.domain.FundingSource.SELF_FUNDED;
import static org.innofund.declaration.domain.FundingSource.SUBSIDY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevisionDiffTest {

    private static final String LICENCE = "营业执照";
    private static final String REPORT = "项目可行性研究报告";

    private static BudgetLineData line(BudgetCategory category, FundingSource source, String amount) {
        return new BudgetLineData(category, source, amount == null ? null : new BigDecimal(amount));
    }

    private static AttachmentView file(long id, String requirement, String name, String sha256, boolean withdrawn) {
        return new AttachmentView(id, requirement, name, FileType.PDF, 1000 + id, sha256, Instant.EPOCH.plusSeconds(id), withdrawn, null);
    }

    private static AttachmentView otherMaterial(long id, String description, String sha256) {
        return new AttachmentView(id, AttachmentRequirement.OTHER_MATERIALS, id + ".pdf", FileType.PDF, 1000 + id, sha256,
                Instant.EPOCH.plusSeconds(id), false, description);
    }

    private static DeclarationContent content(List<BudgetLineData> lines) {
        return new DeclarationContent("高效变频压缩机研发", ProjectField.SMART_APPLIANCES, LocalDate.parse("2027-01-01"),
                LocalDate.parse("2028-12-31"), "研制新一代高效变频压缩机。", "能效提升 15%。", new BigDecimal("3000000.00"),
                lines, new RdFiguresData(new BigDecimal("5000000.00"), null, null, null, 2, null, 20, 100),
                List.of(new AchievementData(Achievement.values()[0], "ZL-2026-001", LocalDate.parse("2026-05-01"))),
                List.of(new ServiceRecordData("检测中心", "91110000802100433B", "INV-001", LocalDate.parse("2026-06-01"),
                        new BigDecimal("80000.00"))));
    }

    private static final List<BudgetLineData> LINES = List.of(line(EQUIPMENT, SUBSIDY, "1500000.00"),
            line(MATERIALS, SELF_FUNDED, "1500000.00"));
    private static final List<AttachmentView> FILES = List.of(file(1, LICENCE, "营业执照.pdf", "aaa", false),
            file(2, REPORT, "可研报告.pdf", "bbb", false));

    private static SubmittedRevision revision(DeclarationContent content, List<AttachmentView> files) {
        return new SubmittedRevision(content, files);
    }

    private static final SubmittedRevision FIRST = revision(content(LINES), FILES);

    private static RevisionChanges changedTo(SubmittedRevision second) {
        return RevisionDiff.between(1, FIRST, 2, second);
    }

    /** The first revision with one change to its content. */
    private static RevisionChanges contentChanged(UnaryOperator<DeclarationContent> change) {
        return changedTo(revision(change.apply(content(LINES)), FILES));
    }

    private static DeclarationContent name(DeclarationContent c, String projectName) {
        return new DeclarationContent(projectName, c.field(), c.periodStart(), c.periodEnd(), c.summary(), c.keyIndicators(),
                c.totalBudget(), c.budgetLines(), c.rdFigures(), c.achievements(), c.serviceRecords());
    }

    private static DeclarationContent lines(DeclarationContent c, List<BudgetLineData> lines) {
        return new DeclarationContent(c.projectName(), c.field(), c.periodStart(), c.periodEnd(), c.summary(),
                c.keyIndicators(), c.totalBudget(), lines, c.rdFigures(), c.achievements(), c.serviceRecords());
    }

    private static List<Change> changes(List<? extends LineChange<?>> lines) {
        return lines.stream().map(LineChange::change).toList();
    }

    @Test
    void theSameRevisionAgainChangesNothing() {
        RevisionChanges c = changedTo(revision(content(LINES), FILES));
        assertTrue(c.none());
        assertEquals(List.of(), c.fields());
        assertEquals(List.of(Change.UNCHANGED, Change.UNCHANGED), changes(c.budgetLines()));
        assertEquals(List.of(Change.UNCHANGED, Change.UNCHANGED), changes(c.files()));
        assertEquals(List.of(), c.changedLines());
        assertEquals(1, c.from());
        assertEquals(2, c.to());
    }

    @Test
    void oneFieldChangedIsTheOnlyChange() {
        RevisionChanges c = contentChanged(x -> name(x, "高效变频压缩机研发（修订）"));
        assertEquals(List.of(new FieldChange(Field.PROJECT_NAME, "高效变频压缩机研发", "高效变频压缩机研发（修订）")), c.fields());
        assertFalse(c.none());
        assertFalse(c.budgetChanged());
        assertFalse(c.filesChanged());
    }

    @Test
    void aFieldEmptiedOrFilledIsAChangeWithOneSideEmpty() {
        assertEquals(List.of(new FieldChange(Field.PROJECT_NAME, "高效变频压缩机研发", null)),
                contentChanged(x -> name(x, null)).fields());
        assertEquals(List.of(new FieldChange(Field.PROJECT_NAME, null, "新名称")),
                RevisionDiff.between(1, revision(name(content(LINES), null), FILES), 2,
                        revision(name(content(LINES), "新名称"), FILES)).fields());
    }

    @Test
    void blankTextAndSurroundingSpacesAreNoChange() {
        assertTrue(contentChanged(x -> name(x, "  高效变频压缩机研发 ")).none());
        assertTrue(RevisionDiff.between(1, revision(name(content(LINES), null), FILES), 2,
                revision(name(content(LINES), "   "), FILES)).none());
    }

    @Test
    void anAmountWithOtherDecimalsIsTheSameMoney() {
        RevisionChanges c = contentChanged(x -> lines(x, List.of(line(EQUIPMENT, SUBSIDY, "1500000"),
                line(MATERIALS, SELF_FUNDED, "1500000.0"))));
        assertTrue(c.none(), c.toString());
    }

    @Test
    void theTotalBudgetChangedIsAMoneyField() {
        RevisionChanges c = contentChanged(x -> new DeclarationContent(x.projectName(), x.field(), x.periodStart(),
                x.periodEnd(), x.summary(), x.keyIndicators(), new BigDecimal("3200000"), x.budgetLines(), x.rdFigures(),
                x.achievements(), x.serviceRecords()));
        assertEquals(1, c.fields().size());
        assertEquals(Field.TOTAL_BUDGET, c.fields().get(0).field());
        assertEquals(RevisionChanges.Shape.MONEY, c.fields().get(0).shape());
        assertEquals(0, new BigDecimal("3000000").compareTo((BigDecimal) c.fields().get(0).before()));
    }

    @Test
    void everyFieldOfTheFormIsCompared() {
        DeclarationContent empty = DeclarationContent.empty();
        RevisionChanges c = RevisionDiff.between(1, revision(empty, List.of()), 2, revision(content(List.of()), List.of()));
        // what content() fills: all but the three R&D figures it leaves empty
        List<Field> expected = new ArrayList<>(List.of(Field.values()));
        expected.removeAll(List.of(Field.RD_EXPENSE_STAT, Field.RD_EXPENSE_PRIOR, Field.RD_REVENUE, Field.RD_INVENTION_APPLICATIONS));
        assertEquals(expected, c.fields().stream().map(FieldChange::field).toList());
        assertTrue(c.fields().stream().allMatch(f -> f.before() == null && f.after() != null));
    }

    @Test
    void anRdFigureChangedIsNamedWithItsShape() {
        RevisionChanges c = contentChanged(x -> new DeclarationContent(x.projectName(), x.field(), x.periodStart(),
                x.periodEnd(), x.summary(), x.keyIndicators(), x.totalBudget(), x.budgetLines(),
                new RdFiguresData(new BigDecimal("5000000.00"), null, null, null, 3, null, 20, 100), x.achievements(),
                x.serviceRecords()));
        assertEquals(List.of(new FieldChange(Field.RD_VALID_INVENTION_PATENTS, 2, 3)), c.fields());
        assertEquals(RevisionChanges.Shape.COUNT, c.fields().get(0).shape());
    }

    @Test
    void theRdFiguresRemovedWholeEmptyEachFigureThatWasGiven() {
        RevisionChanges c = contentChanged(x -> new DeclarationContent(x.projectName(), x.field(), x.periodStart(),
                x.periodEnd(), x.summary(), x.keyIndicators(), x.totalBudget(), x.budgetLines(), null, x.achievements(),
                x.serviceRecords()));
        assertEquals(List.of(Field.RD_EXPENSE_TAX, Field.RD_VALID_INVENTION_PATENTS, Field.RD_STAFF, Field.RD_TOTAL_STAFF),
                c.fields().stream().map(FieldChange::field).toList());
        assertTrue(c.fields().stream().allMatch(f -> f.after() == null));
    }

    @Test
    void aBudgetLineAddedIsAddedAndTheOthersUnchanged() {
        BudgetLineData testing = line(TESTING, SUBSIDY, "200000.00");
        RevisionChanges c = contentChanged(x -> lines(x, List.of(LINES.get(0), LINES.get(1), testing)));
        assertEquals(List.of(Change.UNCHANGED, Change.UNCHANGED, Change.ADDED), changes(c.budgetLines()));
        LineChange<BudgetLineData> added = c.budgetLines().get(2);
        assertNull(added.before());
        assertEquals(testing, added.after());
        assertTrue(c.budgetChanged());
        assertEquals(List.of(added), c.changedLines());
    }

    @Test
    void aBudgetLineRemovedIsListedLastWithItsAmount() {
        RevisionChanges c = contentChanged(x -> lines(x, List.of(LINES.get(1))));
        assertEquals(List.of(Change.UNCHANGED, Change.REMOVED), changes(c.budgetLines()));
        assertEquals(LINES.get(0), c.budgetLines().get(1).before());
        assertNull(c.budgetLines().get(1).after());
        assertEquals(LINES.get(0), c.budgetLines().get(1).either(), "a removed line is named as it was");
        assertEquals(LINES.get(1), c.budgetLines().get(0).either());
    }

    @Test
    void aBudgetLineWithAnotherAmountIsChangedShowingBothAmounts() {
        RevisionChanges c = contentChanged(x -> lines(x, List.of(line(EQUIPMENT, SUBSIDY, "1200000.00"), LINES.get(1))));
        assertEquals(List.of(Change.CHANGED, Change.UNCHANGED), changes(c.budgetLines()));
        assertEquals(new BigDecimal("1500000.00"), c.budgetLines().get(0).before().amount());
        assertEquals(new BigDecimal("1200000.00"), c.budgetLines().get(0).after().amount());
    }

    @Test
    void aBudgetLineMovedToAnotherSourceIsOneRemovedAndOneAdded() {
        RevisionChanges c = contentChanged(x -> lines(x, List.of(line(EQUIPMENT, SELF_FUNDED, "1500000.00"), LINES.get(1))));
        assertEquals(List.of(Change.ADDED, Change.UNCHANGED, Change.REMOVED), changes(c.budgetLines()));
    }

    @Test
    void budgetLinesReorderedAreUnchanged() {
        assertTrue(contentChanged(x -> lines(x, List.of(LINES.get(1), LINES.get(0)))).none());
    }

    @Test
    void ofTwoLinesOfOneCategoryAndSourceRemovingOneIsARemovalNotAChange() {
        SubmittedRevision twoEquipment = revision(content(List.of(line(EQUIPMENT, SUBSIDY, "100.00"),
                line(EQUIPMENT, SUBSIDY, "200.00"))), FILES);
        RevisionChanges c = RevisionDiff.between(1, twoEquipment, 2,
                revision(content(List.of(line(EQUIPMENT, SUBSIDY, "200.00"))), FILES));
        assertEquals(List.of(Change.UNCHANGED, Change.REMOVED), changes(c.budgetLines()));
        assertEquals(new BigDecimal("100.00"), c.budgetLines().get(1).before().amount());
    }

    @Test
    void ofTwoLinesOfOneCategoryAndSourceEachChangedPairsThemInOrder() {
        SubmittedRevision twoEquipment = revision(content(List.of(line(EQUIPMENT, SUBSIDY, "100.00"),
                line(EQUIPMENT, SUBSIDY, "200.00"))), FILES);
        RevisionChanges c = RevisionDiff.between(1, twoEquipment, 2, revision(content(List.of(
                line(EQUIPMENT, SUBSIDY, "150.00"), line(EQUIPMENT, SUBSIDY, "250.00"))), FILES));
        assertEquals(List.of(Change.CHANGED, Change.CHANGED), changes(c.budgetLines()));
        assertEquals(new BigDecimal("100.00"), c.budgetLines().get(0).before().amount());
        assertEquals(new BigDecimal("200.00"), c.budgetLines().get(1).before().amount());
    }

    @Test
    void aBudgetLineWithoutCategoryOrAmountYetIsCompared() {
        RevisionChanges c = contentChanged(x -> lines(x, List.of(LINES.get(0), LINES.get(1), line(null, null, null))));
        assertEquals(List.of(Change.UNCHANGED, Change.UNCHANGED, Change.ADDED), changes(c.budgetLines()));
    }

    @Test
    void aFileReplacedInTheSameRequirementIsReplacedWithBothNamesAndHashes() {
        AttachmentView newReport = file(3, REPORT, "可研报告（修订）.pdf", "ccc", false);
        List<AttachmentView> files = List.of(FILES.get(0), file(2, REPORT, "可研报告.pdf", "bbb", true), newReport);
        RevisionChanges c = changedTo(revision(content(LINES), files));
        assertEquals(List.of(Change.UNCHANGED, Change.REPLACED), changes(c.files()));
        assertEquals("bbb", c.files().get(1).before().sha256());
        assertEquals(newReport, c.files().get(1).after());
        assertTrue(c.filesChanged());
        assertFalse(c.budgetChanged());
        assertEquals(List.of(), c.fields());
    }

    @Test
    void theSameContentUploadedAgainUnderAnotherNameIsUnchanged() {
        List<AttachmentView> files = List.of(FILES.get(0), file(2, REPORT, "可研报告.pdf", "bbb", true),
                file(3, REPORT, "可研报告-副本.pdf", "bbb", false));
        RevisionChanges c = changedTo(revision(content(LINES), files));
        assertEquals(List.of(Change.UNCHANGED, Change.UNCHANGED), changes(c.files()));
        assertEquals("可研报告-副本.pdf", c.files().get(1).after().originalName(), "the name as it is now");
    }

    @Test
    void aFileAddedForAnotherRequirementAndOneWithdrawnWithoutReplacement() {
        List<AttachmentView> files = List.of(file(1, LICENCE, "营业执照.pdf", "aaa", true),
                FILES.get(1), file(3, "其他材料", "补充说明.pdf", "ddd", false));
        RevisionChanges c = changedTo(revision(content(LINES), files));
        assertEquals(List.of(Change.UNCHANGED, Change.ADDED, Change.REMOVED), changes(c.files()));
        assertEquals("其他材料", c.files().get(1).after().requirement());
        assertEquals(LICENCE, c.files().get(2).before().requirement());
    }

    /** 其他材料 share one slot: each is matched by its description, so a second one is added, not the first replaced. */
    @Test
    void otherMaterialsAreMatchedByTheirDescription() {
        SubmittedRevision withPatent = revision(content(LINES), List.of(FILES.get(0), FILES.get(1),
                otherMaterial(5, "发明专利证书", "eee")));
        SubmittedRevision withAward = revision(content(LINES), List.of(FILES.get(0), FILES.get(1),
                otherMaterial(6, "省级科技进步奖证书", "fff"), otherMaterial(7, "发明专利证书", "ggg")));
        RevisionChanges c = RevisionDiff.between(1, withPatent, 2, withAward);
        assertEquals(List.of(Change.UNCHANGED, Change.UNCHANGED, Change.ADDED, Change.REPLACED), changes(c.files()));
        assertEquals("eee", c.files().get(3).before().sha256());
        assertEquals("发明专利证书", c.files().get(3).after().description());
    }

    @Test
    void aFileWithdrawnAtTheFirstSubmissionDoesNotCountThere() {
        SubmittedRevision withWithdrawn = revision(content(LINES), List.of(file(9, LICENCE, "旧执照.pdf", "zzz", true),
                FILES.get(0), FILES.get(1)));
        assertTrue(RevisionDiff.between(1, withWithdrawn, 2, FIRST).none());
    }

    @Test
    void anAchievementAndAServiceChangedAreLinesToo() {
        RevisionChanges c = contentChanged(x -> new DeclarationContent(x.projectName(), x.field(), x.periodStart(),
                x.periodEnd(), x.summary(), x.keyIndicators(), x.totalBudget(), x.budgetLines(), x.rdFigures(),
                List.of(new AchievementData(Achievement.values()[0], "ZL-2026-001", LocalDate.parse("2026-05-02"))),
                List.of(new ServiceRecordData("检测中心", "91110000802100433B", "INV-001", LocalDate.parse("2026-06-01"),
                        new BigDecimal("90000")),
                        new ServiceRecordData("设计院", "91110000802100433B", "INV-002", LocalDate.parse("2026-06-02"),
                                new BigDecimal("10000")))));
        assertEquals(List.of(Change.CHANGED), changes(c.achievements()));
        assertEquals(List.of(Change.CHANGED, Change.ADDED), changes(c.serviceRecords()));
        assertTrue(c.achievementsChanged() && c.serviceRecordsChanged());
        assertEquals(List.of(), c.fields());
    }

    @ParameterizedTest
    @EnumSource(Field.class)
    void everyFieldReadsItsOwnValue(Field field) {
        // content() and a copy with nothing set differ exactly in the fields content() fills
        Object value = RevisionDiff.between(1, revision(DeclarationContent.empty(), List.of()), 2, FIRST).fields().stream()
                .filter(f -> f.field() == field).map(FieldChange::after).findFirst().orElse(null);
        Object expected = switch (field) {
            case PROJECT_NAME -> "高效变频压缩机研发";
            case FIELD -> ProjectField.SMART_APPLIANCES;
            case PERIOD_START -> LocalDate.parse("2027-01-01");
            case PERIOD_END -> LocalDate.parse("2028-12-31");
            case SUMMARY -> "研制新一代高效变频压缩机。";
            case KEY_INDICATORS -> "能效提升 15%。";
            case TOTAL_BUDGET -> new BigDecimal("3000000.00");
            case RD_EXPENSE_TAX -> new BigDecimal("5000000.00");
            case RD_VALID_INVENTION_PATENTS -> 2;
            case RD_STAFF -> 20;
            case RD_TOTAL_STAFF -> 100;
            case RD_EXPENSE_STAT, RD_EXPENSE_PRIOR, RD_REVENUE, RD_INVENTION_APPLICATIONS -> null;
        };
        assertEquals(expected, value);
    }

    /**
     * Revisions are read back from the JSON stored at submission. The stored shape has not changed since V005 (a
     * {@code content} and its {@code attachments}); a row written by hand or by an older client may lack lists, the
     * withdrawn flag or decimals, and still compares.
     */
    @Test
    void revisionsReadFromTheirStoredJsonCompare() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            SubmittedRevision stored = jsonb.fromJson(jsonb.toJson(FIRST), SubmittedRevision.class);
            assertTrue(RevisionDiff.between(1, FIRST, 2, stored).none(), "a stored revision equals itself");

            SubmittedRevision sparse = jsonb.fromJson("""
                    {"content": {"projectName": "高效变频压缩机研发", "totalBudget": 3000000,
                                 "budgetLines": [{"category": "EQUIPMENT", "source": "SUBSIDY", "amount": 1500000}]},
                     "attachments": [{"id": 2, "requirement": "项目可行性研究报告", "originalName": "可研报告.pdf",
                                      "type": "PDF", "sizeBytes": 1002, "sha256": "bbb"}]}
                    """, SubmittedRevision.class);
            RevisionChanges c = RevisionDiff.between(1, sparse, 2, FIRST);
            assertEquals(List.of(Change.UNCHANGED, Change.ADDED), changes(c.budgetLines()));
            assertEquals(List.of(Change.ADDED, Change.UNCHANGED), changes(c.files()), "the licence was not in the sparse one");
            assertFalse(c.fields().stream().anyMatch(f -> f.field() == Field.PROJECT_NAME || f.field() == Field.TOTAL_BUDGET),
                    c.fields().toString());
            assertTrue(c.fields().stream().anyMatch(f -> f.field() == Field.SUMMARY && f.before() == null));
        }
    }
}
