package org.innofund.subsidy.domain;

import org.innofund.declaration.domain.Achievement;
import org.innofund.identity.domain.Uscc;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Money;
import org.innofund.subsidy.domain.ExemptSheet.Column;
import org.innofund.subsidy.domain.ExemptSheet.Problem;
import org.innofund.subsidy.domain.ExemptSheet.Reading;
import org.innofund.subsidy.domain.ExemptSheet.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExemptSheetTest {

    static final String A = uscc("9133020071234567X");
    static final String B = uscc("91330200MA2H00001");

    static String uscc(String first17) {
        return first17 + Uscc.checkCharacter(first17);
    }

    static List<Row> rows(List<String> header, String... data) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(1, header));
        for (int i = 0; i < data.length; i++) {
            rows.add(new Row(i + 2, Arrays.asList(data[i].split(";", -1))));
        }
        return rows;
    }

    static List<String> headers(SubsidyKind kind) {
        return ExemptSheet.columns(kind).stream().map(Column::header).toList();
    }

    static Reading rd(String... data) {
        return ExemptSheet.check(SubsidyKind.RD_INVESTMENT, 2026, rows(headers(SubsidyKind.RD_INVESTMENT), data));
    }

    static Reading reward(String... data) {
        return ExemptSheet.check(SubsidyKind.REWARD, 2026, rows(headers(SubsidyKind.REWARD), data));
    }

    static String rdRow(String uscc, String... replace) {
        String[] cells = {uscc, "甲公司", "2026", "5200000.00", "5000000", "4000000", "100000000", "3", "2", "30", "100"};
        for (int i = 0; i + 1 < replace.length; i += 2) {
            cells[Integer.parseInt(replace[i])] = replace[i + 1];
        }
        return String.join(";", cells);
    }

    static Problem only(Reading r) {
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertTrue(r.entries().isEmpty(), "nothing is taken from a file with a problem");
        return r.problems().get(0);
    }

    @Test
    void readsGoodRdRowsWithEveryFigure() {
        Reading r = rd(rdRow(A), rdRow(B, "4", ""));
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(2, r.rows());
        ImportedFigures a = r.entries().get(0).figures();
        assertEquals(Money.parse("5200000.00"), a.rdExpenseTax());
        assertEquals(Money.parse("5000000"), a.rdExpenseStat());
        assertEquals(Money.parse("4000000"), a.rdExpensePrevYear());
        assertEquals(Money.parse("100000000"), a.revenue());
        assertEquals(3, a.inventionPatents());
        assertEquals(2, a.inventionApplications());
        assertEquals(30, a.rdStaff());
        assertEquals(100, a.totalStaff());
        assertEquals(2, r.entries().get(0).row());
        assertNull(r.entries().get(1).figures().rdExpenseStat(), "no statistics report: the figure stays empty");
    }

    @ParameterizedTest(name = "column {0} = \"{1}\" → {3}")
    @CsvSource(delimiter = '|', value = {
            "0|91330200712345678Y|USCC|uscc.checkCharacter",
            "0|9133020071234|USCC|uscc.length",
            "0|''|USCC|exempt.required",
            "1|''|COMPANY_NAME|exempt.required",
            "2|2025|YEAR|exempt.yearMismatch",
            "2|''|YEAR|exempt.required",
            "3|5200000.123|RD_EXPENSE_TAX|money.invalid",
            "3|-1.00|RD_EXPENSE_TAX|money.invalid",
            "3|5,200,000|RD_EXPENSE_TAX|money.malformed",
            "3|''|RD_EXPENSE_TAX|exempt.required",
            "4|1e6|RD_EXPENSE_STAT|money.malformed",
            "5|''|RD_EXPENSE_PREV_YEAR|exempt.required",
            "6|abc|REVENUE|money.malformed",
            "7|-1|INVENTION_PATENTS|exempt.count",
            "8|1.5|INVENTION_APPLICATIONS|exempt.count",
            "9|101|RD_STAFF|exempt.staffAboveTotal",
            "10|''|TOTAL_STAFF|exempt.required"})
    void namesEachBadRdCell(int index, String value, Column column, String key) {
        Problem p = only(rd(rdRow(A), rdRow(B, String.valueOf(index), value)));
        assertEquals(3, p.row());
        assertEquals(column, p.column());
        assertEquals(key, p.messageKey());
    }

    @Test
    void refusesAUsccTwiceNamingTheFirstRow() {
        Problem p = only(rd(rdRow(A), rdRow(B), rdRow(A)));
        assertEquals(4, p.row());
        assertEquals("exempt.usccTwice", p.messageKey());
        assertEquals(List.of(A, 2), p.arguments());
    }

    @Test
    void reportsEveryProblemOfTheFileAtOnce() {
        Reading r = rd(rdRow(A, "3", "1.234", "7", "x"), rdRow(B, "2", "2024"));
        assertEquals(3, r.problems().size());
        assertTrue(r.entries().isEmpty());
    }

    @Test
    void skipsBlankRowsAndRefusesAFileWithoutData() {
        assertEquals(1, rd(rdRow(A), ";;;;;;;;;;").rows());
        assertEquals("exempt.noRows", only(rd(";;;")).messageKey());
        assertEquals("exempt.noRows", only(rd()).messageKey());
    }

    @Test
    void refusesAnotherHeaderButTakesTheColumnCodes() {
        List<String> wrong = new ArrayList<>(headers(SubsidyKind.RD_INVESTMENT));
        wrong.set(3, "研发费用");
        Problem p = only(ExemptSheet.check(SubsidyKind.RD_INVESTMENT, 2026, rows(wrong, rdRow(A))));
        assertEquals("exempt.header", p.messageKey());
        assertNull(p.row());
        List<String> codes = ExemptSheet.columns(SubsidyKind.RD_INVESTMENT).stream().map(Column::code).toList();
        assertEquals("rdExpenseTax", codes.get(3));
        assertTrue(ExemptSheet.check(SubsidyKind.RD_INVESTMENT, 2026, rows(codes, rdRow(A))).problems().isEmpty());
        assertEquals("exempt.header", only(ExemptSheet.check(SubsidyKind.RD_INVESTMENT, 2026, List.of())).messageKey());
    }

    @Test
    void refusesMoreRowsThanTheLimit() {
        String[] many = new String[ExemptSheet.MAX_ROWS + 1];
        Arrays.fill(many, rdRow(A));
        Problem p = only(rd(many));
        assertEquals("exempt.tooManyRows", p.messageKey());
    }

    @Test
    void gathersAnEnterprisesAchievementsAcrossRows() {
        Reading r = reward(A + ";甲公司;TECH_SME;C-1;2026-03-15", B + ";乙公司;省级企业研发中心;C-2;2026-05-01",
                A + ";甲公司;首次认定国家高新技术企业;C-3;46100");
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(3, r.rows());
        assertEquals(2, r.entries().size());
        ImportedFigures a = r.entries().get(0).figures();
        assertEquals(List.of(Achievement.TECH_SME, Achievement.HIGH_TECH_NEW),
                a.achievements().stream().map(c -> c.type()).toList());
        assertEquals(LocalDate.of(2026, 3, 15), a.achievements().get(0).date());
        assertEquals(LocalDate.of(2026, 3, 19), a.achievements().get(1).date(), "an Excel date cell: its serial number");
        assertEquals(Achievement.PROVINCIAL_RD_CENTER, r.entries().get(1).figures().achievements().get(0).type());
    }

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', value = {
            "甲公司;GAZELLE;C-9;2026-03-15|ACHIEVEMENT|exempt.achievementUnknown",
            "甲公司;TECH_SME;C-1;2026-03-15|CERTIFICATE_NO|exempt.certificateTwice",
            "甲公司;TECH_SME;;2026-03-15|CERTIFICATE_NO|exempt.required",
            "甲公司;TECH_SME;C-9;2025-12-31|ACHIEVED_ON|exempt.yearMismatch",
            "甲公司;TECH_SME;C-9;15/03/2026|ACHIEVED_ON|exempt.date",
            ";TECH_SME;C-9;2026-03-15|COMPANY_NAME|exempt.required"})
    void namesEachBadRewardCell(String rest, Column column, String key) {
        Problem p = only(reward(A + ";甲公司;TECH_SME;C-1;2026-03-15", B + ";" + rest));
        assertEquals(3, p.row());
        assertEquals(column, p.column());
        assertEquals(key, p.messageKey());
    }

    @Test
    void importsOnlyRdAndRewardCalls() {
        BusinessException e = assertThrows(BusinessException.class, () -> ExemptSheet.columns(SubsidyKind.SHARED_SERVICE));
        assertEquals("exempt.kindNotImportable", e.messageKey());
    }

    @Test
    void figuresBecomeImportedInputs() {
        ImportedFigures f = rd(rdRow(A)).entries().get(0).figures();
        var inputs = (org.innofund.declaration.domain.kind.KindInputs.RdInvestment) f.toInputs(SubsidyKind.RD_INVESTMENT, false);
        assertEquals(f.rdExpenseTax(), inputs.rdExpenseTax());
        assertEquals(org.innofund.declaration.domain.kind.KindInputs.FigureSource.IMPORTED, inputs.sources().get("rdExpenseTax"));
        assertEquals(8, inputs.sources().size());
    }
}
