package org.innofund.subsidy.domain;

import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.identity.domain.Uscc;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * 免申即享导入表: the layout of the bureau's spreadsheet for a call (its columns by kind) and the check of a whole
 * upload, row by row: every problem named by row and column, and the enterprises read only when there is none (the
 * import takes all or nothing). Pure: the file's rows come as text, from a CSV or an XLSX alike.
 * <p>
 * RD_INVESTMENT: one row per enterprise (a USCC twice is refused). REWARD: one row per recognised achievement, an
 * enterprise's rows gathered (the same certificate number twice is refused).
 */
public final class ExemptSheet {

    /** More rows than a city's enterprises: refused before anything is checked. */
    public static final int MAX_ROWS = 20_000;
    /** Counts (patents, staff) as a person types them: whole numbers from 0. */
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    /** An Excel date cell read as its serial number (days from 1899-12-30). */
    private static final Pattern SERIAL_DATE = Pattern.compile("\\d{5}(\\.0+)?");

    /** A column: its code (API, report) and its header in the template. */
    public enum Column {
        USCC("统一社会信用代码"), COMPANY_NAME("企业名称"), YEAR("年度"),
        RD_EXPENSE_TAX("研发费用（加计扣除口径，元）"), RD_EXPENSE_STAT("研发费用（统计口径，元）"),
        RD_EXPENSE_PREV_YEAR("上年研发费用（元）"), REVENUE("营业收入（元）"),
        INVENTION_PATENTS("有效发明专利数"), INVENTION_APPLICATIONS("当年发明专利申请数"),
        RD_STAFF("研发人员数"), TOTAL_STAFF("职工总数"),
        ACHIEVEMENT("成果类型"), CERTIFICATE_NO("证书编号"), ACHIEVED_ON("认定日期");

        private final String header;

        Column(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }

        /** The code in the API and in a header written in English: rdExpenseTax. */
        public String code() {
            String[] words = name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder code = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                code.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            return code.toString();
        }
    }

    /** The achievement types as the bureau's lists name them; a cell may hold the code or this label. */
    public static final Map<Achievement, String> ACHIEVEMENT_LABELS = new EnumMap<>(Map.of(
            Achievement.TECH_SME, "科技型中小企业入库",
            Achievement.HIGH_TECH_NEW, "首次认定国家高新技术企业",
            Achievement.HIGH_TECH_RENEWED, "重新认定国家高新技术企业",
            Achievement.MUNICIPAL_RD_CENTER, "市级企业研发中心",
            Achievement.PROVINCIAL_RD_CENTER, "省级企业研发中心",
            Achievement.SINGLE_CHAMPION, "制造业单项冠军"));

    private ExemptSheet() {
    }

    /** One row of the file: its number as the reviewer sees it (the header is row 1) and its cells as text. */
    public record Row(int number, List<String> cells) {
        String cell(int column) {
            String c = column < cells.size() ? cells.get(column) : null;
            return c == null ? "" : c.strip();
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** A problem of the file (row and column null) or of one cell; its message key and arguments. */
    public record Problem(Integer row, Column column, String messageKey, List<Object> arguments) {
        static Problem at(Row row, Column column, String messageKey, Object... arguments) {
            return new Problem(row.number(), column, messageKey, List.of(arguments));
        }

        public static Problem ofFile(String messageKey, Object... arguments) {
            return new Problem(null, null, messageKey, List.of(arguments));
        }
    }

    /** One enterprise of the file: its USCC, the name the file gives, the first row it is on, and its figures. */
    public record Entry(String uscc, String companyName, int row, ImportedFigures figures) {
    }

    /** What a check found: data rows read, the enterprises (only when there is no problem), every problem. */
    public record Reading(int rows, List<Entry> entries, List<Problem> problems) {
        public Reading {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }
    }

    /** The template's columns for a kind, in order. */
    public static List<Column> columns(SubsidyKind kind) {
        return switch (kind) {
            case RD_INVESTMENT -> List.of(Column.USCC, Column.COMPANY_NAME, Column.YEAR, Column.RD_EXPENSE_TAX,
                    Column.RD_EXPENSE_STAT, Column.RD_EXPENSE_PREV_YEAR, Column.REVENUE, Column.INVENTION_PATENTS,
                    Column.INVENTION_APPLICATIONS, Column.RD_STAFF, Column.TOTAL_STAFF);
            case REWARD -> List.of(Column.USCC, Column.COMPANY_NAME, Column.ACHIEVEMENT, Column.CERTIFICATE_NO,
                    Column.ACHIEVED_ON);
            default -> throw BusinessException.invalid("exempt.kindNotImportable", kind);
        };
    }

    /**
     * Checks the whole file for a call of the kind and year: the header (Chinese headers as in the template, or the
     * columns' codes), then every row; blank rows are skipped.
     */
    public static Reading check(SubsidyKind kind, int year, List<Row> rows) {
        List<Column> columns = columns(kind);
        List<Problem> problems = new ArrayList<>();
        if (rows.isEmpty() || !headerMatches(columns, rows.get(0))) {
            problems.add(Problem.ofFile("exempt.header", String.join(", ", columns.stream().map(Column::header).toList())));
            return new Reading(0, List.of(), problems);
        }
        List<Row> data = rows.subList(1, rows.size()).stream().filter(r -> !r.blank()).toList();
        if (data.isEmpty()) {
            return new Reading(0, List.of(), List.of(Problem.ofFile("exempt.noRows")));
        }
        if (data.size() > MAX_ROWS) {
            return new Reading(data.size(), List.of(), List.of(Problem.ofFile("exempt.tooManyRows", MAX_ROWS)));
        }
        List<Entry> entries = kind == SubsidyKind.RD_INVESTMENT ? rd(year, data, problems) : reward(year, data, problems);
        return new Reading(data.size(), problems.isEmpty() ? entries : List.of(), problems);
    }

    private static boolean headerMatches(List<Column> columns, Row header) {
        for (int i = 0; i < columns.size(); i++) {
            String h = header.cell(i).replace("\uFEFF", "");
            if (!h.equals(columns.get(i).header()) && !h.equalsIgnoreCase(columns.get(i).code())) {
                return false;
            }
        }
        return true;
    }

    private static List<Entry> rd(int year, List<Row> data, List<Problem> problems) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (Row r : data) {
            Cells c = new Cells(r, problems);
            String uscc = c.uscc(0);
            String name = c.name(1);
            c.year(2, Column.YEAR, year);
            Money tax = c.money(3, Column.RD_EXPENSE_TAX, true);
            Money stat = c.money(4, Column.RD_EXPENSE_STAT, false);
            Money prev = c.money(5, Column.RD_EXPENSE_PREV_YEAR, true);
            Money revenue = c.money(6, Column.REVENUE, true);
            Integer patents = c.count(7, Column.INVENTION_PATENTS);
            Integer applications = c.count(8, Column.INVENTION_APPLICATIONS);
            Integer rdStaff = c.count(9, Column.RD_STAFF);
            Integer total = c.count(10, Column.TOTAL_STAFF);
            if (rdStaff != null && total != null && rdStaff > total) {
                c.problem(Column.RD_STAFF, "exempt.staffAboveTotal", rdStaff, total);
            }
            if (uscc != null) {
                Integer earlier = firstRow.putIfAbsent(uscc, r.number());
                if (earlier != null) {
                    c.problem(Column.USCC, "exempt.usccTwice", uscc, earlier);
                }
            }
            if (c.fine) {
                entries.add(new Entry(uscc, name, r.number(), ImportedFigures.rd(tax, stat, prev, revenue, patents,
                        applications, rdStaff, total)));
            }
        }
        return entries;
    }

    private static List<Entry> reward(int year, List<Row> data, List<Problem> problems) {
        Map<String, Entry> byUscc = new LinkedHashMap<>();
        Map<String, Integer> certificates = new HashMap<>();
        for (Row r : data) {
            Cells c = new Cells(r, problems);
            String uscc = c.uscc(0);
            String name = c.name(1);
            Achievement type = c.achievement(2);
            String certificate = c.required(3, Column.CERTIFICATE_NO);
            if (certificate != null && certificate.length() > Lengths.DOCUMENT_NO) {
                c.problem(Column.CERTIFICATE_NO, "exempt.tooLong", Lengths.DOCUMENT_NO);
            } else if (certificate != null) {
                Integer earlier = certificates.putIfAbsent(certificate, r.number());
                if (earlier != null) {
                    c.problem(Column.CERTIFICATE_NO, "exempt.certificateTwice", certificate, earlier);
                }
            }
            LocalDate on = c.date(4, Column.ACHIEVED_ON);
            if (on != null && on.getYear() != year) {
                c.problem(Column.ACHIEVED_ON, "exempt.yearMismatch", on.getYear(), year);
            }
            if (c.fine) {
                KindInputs.AchievementClaim claim = new KindInputs.AchievementClaim(type, certificate, on);
                Entry before = byUscc.get(uscc);
                List<KindInputs.AchievementClaim> claims = new ArrayList<>(before == null ? List.of()
                        : before.figures().achievements());
                claims.add(claim);
                byUscc.put(uscc, new Entry(uscc, before == null ? name : before.companyName(),
                        before == null ? r.number() : before.row(), ImportedFigures.reward(claims)));
            }
        }
        return new ArrayList<>(byUscc.values());
    }

    /** One row's cells read as what they must be; a cell that is not records its problem and reads as null. */
    private static final class Cells {
        private final Row row;
        private final List<Problem> problems;
        private boolean fine = true;

        Cells(Row row, List<Problem> problems) {
            this.row = row;
            this.problems = problems;
        }

        void problem(Column column, String key, Object... arguments) {
            problems.add(Problem.at(row, column, key, arguments));
            fine = false;
        }

        String required(int index, Column column) {
            String text = row.cell(index);
            if (text.isEmpty()) {
                problem(column, "exempt.required");
                return null;
            }
            return text;
        }

        String uscc(int index) {
            String text = required(index, Column.USCC);
            if (text == null) {
                return null;
            }
            try {
                return Uscc.parse(text).value();
            } catch (BusinessException e) {
                problem(Column.USCC, e.messageKey(), e.arguments());
                return null;
            }
        }

        String name(int index) {
            String text = required(index, Column.COMPANY_NAME);
            if (text != null && text.length() > Lengths.ORGANISATION_NAME) {
                problem(Column.COMPANY_NAME, "exempt.tooLong", Lengths.ORGANISATION_NAME);
                return null;
            }
            return text;
        }

        void year(int index, Column column, int expected) {
            String text = required(index, column);
            if (text != null && !text.equals(String.valueOf(expected))) {
                problem(column, "exempt.yearMismatch", text, expected);
            }
        }

        /** Money as {@link Money#parse} reads it: at most two decimals, not negative. Optional: blank is null. */
        Money money(int index, Column column, boolean required) {
            String text = required ? required(index, column) : row.cell(index);
            if (text == null || text.isEmpty()) {
                return null;
            }
            try {
                return Money.parse(text);
            } catch (BusinessException e) {
                problem(column, e.messageKey(), e.arguments());
                return null;
            }
        }

        Integer count(int index, Column column) {
            String text = required(index, column);
            if (text == null) {
                return null;
            }
            if (!COUNT.matcher(text).matches()) {
                problem(column, "exempt.count", text);
                return null;
            }
            return Integer.valueOf(text);
        }

        Achievement achievement(int index) {
            String text = required(index, Column.ACHIEVEMENT);
            if (text == null) {
                return null;
            }
            for (Achievement a : Achievement.values()) {
                if (a.name().equalsIgnoreCase(text) || ACHIEVEMENT_LABELS.get(a).equals(text)) {
                    return a;
                }
            }
            problem(Column.ACHIEVEMENT, "exempt.achievementUnknown", text);
            return null;
        }

        /** 2026-03-15 as typed, or an Excel date cell (its serial number). */
        LocalDate date(int index, Column column) {
            String text = required(index, column);
            if (text == null) {
                return null;
            }
            if (SERIAL_DATE.matcher(text).matches()) {
                return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(text.split("\\.")[0]));
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problem(column, "exempt.date", text);
                return null;
            }
        }
    }
}
