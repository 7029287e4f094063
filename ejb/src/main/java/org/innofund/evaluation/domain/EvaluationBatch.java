package org.innofund.evaluation.domain;

import org.innofund.program.domain.EvaluationStage;
import org.apache.poi.ss.util.CellReference;
import org.innofund.program.domain.ScoringIndicator;
import org.innofund.shared.FieldProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 批量评估表: the layout of the bulk spreadsheet and the reading of its rows into evaluations, every problem named by
 * its row and cell (A1).
 * <p>
 * Layout: one ROW per expert's score sheet, the rows of one assignment one under another (grouped by the assignment's
 * number in column A). This is how paper score sheets are typed in (one expert a line), every row has the same
 * columns whatever the panel's size (3 to 15 experts side by side would be some 130 columns), and a panel grows by
 * copying a row. The evaluation's own fields (verdict, amounts, opinion, report file, the verified figures where the
 * stage asks them, and the assignment's version the template was written at) are given on the assignment's first row;
 * a later row may leave them blank or repeat them, but not say something else. A row with no expert and no
 * score is a pre-filled line left empty: skipped, so an assignment not filled in is simply not part of the upload.
 * Cells arrive as text (numbers as Excel shows them), so this class needs no spreadsheet library but for A1 names.
 */
public final class EvaluationBatch {

    public static final String ID = "任务编号";
    public static final String ENTERPRISE = "申报单位";
    public static final String PROJECT = "项目名称";
    public static final String STAGE = "评估阶段";
    public static final String EXPERT = "专家姓名";
    public static final String TITLE = "职称";
    public static final String EMPLOYER = "工作单位";
    public static final String VERDICT = "评估结论";
    public static final String AMOUNT = "建议补助金额（元）";
    public static final String SPEND = "审定实际支出（元）";
    public static final String OPINION = "评估意见";
    public static final String REPORT = "评估报告文件名";
    /** 核定数据, in the order of {@link Conclusion.VerifiedFigures}: asked at APPROVAL of the post-subsidy kinds only. */
    public static final List<String> FIGURES = List.of("核定研发费用（加计扣除口径，元）", "核定研发费用（统计口径，元）",
            "核定上年度研发费用（元）", "核定营业收入（元）", "核定有效发明专利（件）", "核定本年度发明专利申请（件）",
            "核定研发人员（人）", "核定职工总数（人）");
    private static final List<String> FIGURE_FIELDS = List.of("expenseTax", "expenseStat", "expensePrior", "revenue",
            "validInventionPatents", "inventionApplications", "rdStaff", "totalStaff");
    /** The assignment's version when the template was written: a draft saved since makes the row stale. Locked. */
    public static final String VERSION = "版本（系统填写，勿改）";

    private static final int FIRST_INDICATOR = 7;
    private static final Pattern WEIGHTED = Pattern.compile("(.+?)\\s*[（(]\\s*(\\d+)\\s*[)）]\\s*");

    /** The spreadsheet's words for the stages and verdicts: the template is a Chinese document, as the paper one is. */
    public static final Map<EvaluationStage, String> STAGE_LABELS = new EnumMap<>(Map.of(
            EvaluationStage.APPROVAL, "立项评估", EvaluationStage.MIDTERM, "中期评估",
            EvaluationStage.ACCEPTANCE, "验收评估", EvaluationStage.PERFORMANCE, "绩效评价"));
    public static final Map<Verdict, String> VERDICT_LABELS = new EnumMap<>(Map.of(
            Verdict.RECOMMEND, "建议立项", Verdict.NOT_RECOMMEND, "不建议立项",
            Verdict.ON_TRACK, "进展正常", Verdict.AT_RISK, "存在风险", Verdict.FAILING, "进展严重滞后",
            Verdict.PASSED, "通过", Verdict.FAILED, "不通过",
            Verdict.ACHIEVED, "目标达成", Verdict.PARTLY_ACHIEVED, "部分达成", Verdict.NOT_ACHIEVED, "未达成"));

    private EvaluationBatch() {
    }

    /**
     * One problem of the upload: the sheet, the row (1-based, as Excel numbers it) and cell, or all null for a file.
     * Row numbers repeat from sheet to sheet: a cell is known by its sheet and row together.
     */
    public record Problem(String sheet, Integer row, String cell, String messageKey, List<Object> arguments) {
        public static Problem at(String sheet, int row, int column, String messageKey, Object... arguments) {
            return new Problem(sheet, row, a1(row, column), messageKey, List.of(arguments));
        }

        public static Problem at(Row row, int column, String messageKey, Object... arguments) {
            return at(row.sheet(), row.number(), column, messageKey, arguments);
        }

        public static Problem ofFile(String messageKey, Object... arguments) {
            return new Problem(null, null, null, messageKey, List.of(arguments));
        }
    }

    /** One spreadsheet row: its sheet's name, its number and its cells as text (blank cells empty or null). */
    public record Row(String sheet, int number, List<String> cells) {
        String cell(int column) {
            String c = column < cells.size() ? cells.get(column) : null;
            return c == null ? "" : c.strip();
        }
    }

    /** Where the columns are, given the template's indicators (the header carries their names and weights). */
    public record Columns(List<ScoringIndicator> indicators) {

        public Columns {
            indicators = List.copyOf(indicators);
        }

        public static final int ID_COLUMN = 0;
        public static final int EXPERT_COLUMN = 4;

        public int score(int indicator) {
            return FIRST_INDICATOR + indicator;
        }

        public int verdict() {
            return FIRST_INDICATOR + indicators.size();
        }

        public int amount() {
            return verdict() + 1;
        }

        public int spend() {
            return verdict() + 2;
        }

        public int opinion() {
            return verdict() + 3;
        }

        public int report() {
            return verdict() + 4;
        }

        /** The verified figure of {@link #FIGURES} at the index. */
        public int figure(int index) {
            return report() + 1 + index;
        }

        /** The last column the agency types in. */
        int lastInput() {
            return figure(FIGURES.size() - 1);
        }

        public int version() {
            return lastInput() + 1;
        }

        /** The header row: 技术与产品先进性 (25) for each indicator. */
        public List<String> header() {
            List<String> h = new ArrayList<>(List.of(ID, ENTERPRISE, PROJECT, STAGE, EXPERT, TITLE, EMPLOYER));
            indicators.forEach(i -> h.add(i.getName() + " (" + i.getWeight() + ")"));
            h.addAll(List.of(VERDICT, AMOUNT, SPEND, OPINION, REPORT));
            h.addAll(FIGURES);
            h.add(VERSION);
            return h;
        }

        /** The columns a header row describes; refused (naming the cell) when it is not one this class wrote. */
        public static Columns of(Row header, List<Problem> problems) {
            List<String> fixed = List.of(ID, ENTERPRISE, PROJECT, STAGE, EXPERT, TITLE, EMPLOYER);
            for (int c = 0; c < fixed.size(); c++) {
                if (!fixed.get(c).equals(header.cell(c))) {
                    problems.add(Problem.at(header, c, "batch.header", fixed.get(c)));
                    return null;
                }
            }
            List<ScoringIndicator> indicators = new ArrayList<>();
            int c = FIRST_INDICATOR;
            for (; !VERDICT.equals(header.cell(c)); c++) {
                Matcher m = WEIGHTED.matcher(header.cell(c));
                if (!m.matches() || c > FIRST_INDICATOR + 30) {
                    problems.add(Problem.at(header, c, "batch.header", VERDICT));
                    return null;
                }
                indicators.add(new ScoringIndicator(m.group(1), Integer.parseInt(m.group(2))));
            }
            Columns columns = new Columns(indicators);
            List<String> expected = columns.header();
            for (; c < expected.size(); c++) {
                if (!expected.get(c).equals(header.cell(c))) {
                    problems.add(Problem.at(header, c, "batch.header", expected.get(c)));
                    return null;
                }
            }
            return columns;
        }
    }

    /**
     * One assignment's evaluation as read: its sheet and rows, the input, the report file it names and the version it
     * was downloaded at (null when unreadable, already named). {@code input} holds the sheets even when some of their
     * cells could not be read (those scores are null, the cells in {@code unreadable}, already named), so that the
     * template check names every other cell.
     */
    public record Entry(long assignmentId, String sheet, List<Integer> rows, EvaluationInput input, String reportFile,
                        Long version, Columns columns, Set<String> unreadable) {

        public int firstRow() {
            return rows.get(0);
        }

        /** A problem of the assignment as a whole, on its first row. */
        public Problem problem(int column, String messageKey, Object... arguments) {
            return Problem.at(sheet, firstRow(), column, messageKey, arguments);
        }

        /**
         * Against the assignment's terms: the header's indicators must be the call's; then the evaluation's own check
         * as at submission ({@link Evaluation#problems}, the same one the form and the API meet), each problem put
         * back on the cell its field came from.
         */
        public List<Problem> problems(Evaluation.Terms terms) {
            List<Problem> problems = new ArrayList<>();
            if (!columns.indicators().equals(terms.template())) {
                problems.add(problem(Columns.ID_COLUMN, "batch.templateMismatch", assignmentId));
                return problems;
            }
            for (FieldProblem p : Evaluation.problems(input, terms, true)) {
                Problem problem = Problem.at(sheet, row(p.field()), column(p.field()), p.messageKey(),
                        p.arguments().toArray());
                if (!unreadable.contains(problem.cell())) {
                    problems.add(problem);
                }
            }
            return problems;
        }

        private static final Pattern EXPERT_FIELD = Pattern.compile("experts\\[(\\d+)](?:\\.scores\\[(\\d+)])?");

        /** The expert's own row; anything of the evaluation as a whole is on its first row. */
        private int row(String field) {
            Matcher m = EXPERT_FIELD.matcher(field);
            return m.lookingAt() ? rows.get(Integer.parseInt(m.group(1))) : firstRow();
        }

        private int column(String field) {
            Matcher m = EXPERT_FIELD.matcher(field);
            if (m.lookingAt()) {
                return m.group(2) == null ? Columns.EXPERT_COLUMN : columns.score(Integer.parseInt(m.group(2)));
            }
            if (field.startsWith("conclusion.recommendedAmount")) {
                return columns.amount();
            }
            if (field.startsWith("conclusion.auditedActualSpend")) {
                return columns.spend();
            }
            if (field.startsWith("conclusion.verifiedFigures")) {
                int figure = FIGURE_FIELDS.indexOf(field.substring(field.lastIndexOf('.') + 1));
                return columns.figure(Math.max(figure, 0));
            }
            if (field.startsWith("conclusion")) {
                return columns.verdict();
            }
            if (field.startsWith("opinion")) {
                return columns.opinion();
            }
            return field.equals("experts") ? Columns.EXPERT_COLUMN : Columns.ID_COLUMN;
        }
    }

    /** What a sheet's rows come to: the evaluations, and every problem of the rows' own cells. */
    public record Reading(List<Entry> entries, List<Problem> problems) {
    }

    /**
     * Reads the data rows under a header: groups them by assignment (the rows of one assignment must follow each other;
     * an assignment that comes back further down is "a row twice"), and parses every cell, naming each bad one.
     */
    public static Reading read(Columns columns, List<Row> rows) {
        List<Problem> problems = new ArrayList<>();
        Map<Long, List<Row>> groups = new LinkedHashMap<>();
        Map<Long, Integer> seenAt = new HashMap<>();
        Long previous = null;
        for (Row row : rows) {
            if (blank(columns, row)) {
                continue;
            }
            Long id = id(row, problems);
            if (id == null) {
                previous = null;
                continue;
            }
            if (seenAt.containsKey(id) && !id.equals(previous)) {
                problems.add(Problem.at(row, Columns.ID_COLUMN, "batch.rowTwice", id, seenAt.get(id)));
                continue;
            }
            seenAt.putIfAbsent(id, row.number());
            groups.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
            previous = id;
        }
        List<Entry> entries = new ArrayList<>();
        groups.forEach((id, group) -> entries.add(entry(columns, id, group, problems)));
        return new Reading(entries, problems);
    }

    /**
     * An assignment on two sheets (each sheet's own reading cannot see it): every later one named at its first row,
     * with the sheet and row where it came first.
     */
    public static List<Problem> acrossSheets(List<Entry> entries) {
        Map<Long, Entry> first = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Entry e : entries) {
            Entry before = first.putIfAbsent(e.assignmentId(), e);
            if (before != null) {
                problems.add(e.problem(Columns.ID_COLUMN, "batch.assignmentTwice", e.assignmentId(), before.sheet(),
                        before.firstRow()));
            }
        }
        return problems;
    }

    private static Entry entry(Columns columns, long id, List<Row> group, List<Problem> all) {
        List<Problem> problems = new ArrayList<>();
        Row first = group.get(0);
        List<ExpertSheet> sheets = new ArrayList<>();
        Set<String> experts = new HashSet<>();
        for (Row row : group) {
            String name = row.cell(Columns.EXPERT_COLUMN);
            if (!name.isEmpty() && !experts.add(name)) {
                problems.add(Problem.at(row, Columns.EXPERT_COLUMN, "batch.expertTwice", name, id));
            }
            List<BigDecimal> scores = new ArrayList<>();
            for (int i = 0; i < columns.indicators().size(); i++) {
                scores.add(number(row, columns.score(i), problems));
            }
            sheets.add(new ExpertSheet(new ExpertSheet.Expert(name, row.cell(5), row.cell(6)), scores));
            if (row != first) {
                for (int c = columns.verdict(); c <= columns.version(); c++) {
                    if (!row.cell(c).isEmpty() && !row.cell(c).equals(first.cell(c))) {
                        problems.add(Problem.at(row, c, "batch.differsFromFirstRow", first.number()));
                    }
                }
            }
        }
        Conclusion conclusion = new Conclusion(verdict(columns, first, problems),
                amount(first, columns.amount(), problems), figures(columns, first, problems),
                amount(first, columns.spend(), problems));
        String report = first.cell(columns.report());
        if (report.isEmpty()) {
            problems.add(Problem.at(first, columns.report(), "batch.reportMissing"));
        }
        String opinion = first.cell(columns.opinion());
        Long version = count(first, columns.version(), problems, "batch.versionInvalid");
        if (first.cell(columns.version()).isEmpty()) {
            problems.add(Problem.at(first, columns.version(), "batch.versionInvalid", ""));
        }
        all.addAll(problems);
        return new Entry(id, first.sheet(), group.stream().map(Row::number).toList(),
                new EvaluationInput(sheets, false, conclusion, opinion.isEmpty() ? null : opinion),
                report.isEmpty() ? null : report, version, columns,
                Set.copyOf(problems.stream().map(Problem::cell).toList()));
    }

    /** 核定数据 as typed on the first row; null when every cell is empty (the stage may not ask for them). */
    private static Conclusion.VerifiedFigures figures(Columns columns, Row row, List<Problem> problems) {
        boolean none = true;
        for (int i = 0; i < FIGURES.size(); i++) {
            none &= row.cell(columns.figure(i)).isEmpty();
        }
        if (none) {
            return null;
        }
        return new Conclusion.VerifiedFigures(amount(row, columns.figure(0), problems),
                amount(row, columns.figure(1), problems), amount(row, columns.figure(2), problems),
                amount(row, columns.figure(3), problems), people(row, columns.figure(4), problems),
                people(row, columns.figure(5), problems), people(row, columns.figure(6), problems),
                people(row, columns.figure(7), problems));
    }

    private static Integer people(Row row, int column, List<Problem> problems) {
        Long n = count(row, column, problems, "batch.countInvalid");
        return n == null ? null : Math.toIntExact(n);
    }

    /** A whole number from 0 up to a billion; null when empty or not one (named with the key). */
    private static Long count(Row row, int column, List<Problem> problems, String messageKey) {
        String text = row.cell(column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(text);
            if (n.signum() >= 0 && n.stripTrailingZeros().scale() <= 0 && n.compareTo(BigDecimal.valueOf(1_000_000_000)) <= 0) {
                return n.longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException notACount) {
            // named below
        }
        problems.add(Problem.at(row, column, messageKey, text));
        return null;
    }

    private static boolean blank(Columns columns, Row row) {
        for (int c = Columns.EXPERT_COLUMN; c <= columns.lastInput(); c++) {
            if (!row.cell(c).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static Long id(Row row, List<Problem> problems) {
        String text = row.cell(Columns.ID_COLUMN);
        if (text.isEmpty()) {
            problems.add(Problem.at(row, Columns.ID_COLUMN, "batch.idMissing"));
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(text);
            if (n.signum() > 0 && n.stripTrailingZeros().scale() <= 0) {
                return n.longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException notAnId) {
            // named below
        }
        problems.add(Problem.at(row, Columns.ID_COLUMN, "batch.idInvalid", text));
        return null;
    }

    /** A score as typed: null when empty (the template check names it missing) or not a number (named here). */
    private static BigDecimal number(Row row, int column, List<Problem> problems) {
        String text = row.cell(column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(Problem.at(row, column, "batch.notANumber", text));
            return null;
        }
    }

    /** Yuan with at most 2 decimals, not negative; null when empty (whether the stage needs it is the evaluation's). */
    private static BigDecimal amount(Row row, int column, List<Problem> problems) {
        BigDecimal n = number(row, column, problems);
        if (n != null && (n.signum() < 0 || n.stripTrailingZeros().scale() > 2)) {
            problems.add(Problem.at(row, column, "batch.amountInvalid", n.toPlainString()));
            return null;
        }
        return n;
    }

    private static Verdict verdict(Columns columns, Row row, List<Problem> problems) {
        String text = row.cell(columns.verdict());
        if (text.isEmpty()) {
            problems.add(Problem.at(row, columns.verdict(), "batch.verdictMissing"));
            return null;
        }
        return Arrays.stream(Verdict.values()).filter(v -> VERDICT_LABELS.get(v).equals(text)).findFirst()
                .orElseGet(() -> {
                    problems.add(Problem.at(row, columns.verdict(), "batch.verdictUnknown", text));
                    return null;
                });
    }

    /** "H12": a cell's name as Excel shows it. */
    public static String a1(int row, int column) {
        return CellReference.convertNumToColString(column) + row;
    }
}
