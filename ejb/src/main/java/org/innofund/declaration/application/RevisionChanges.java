package org.innofund.declaration.application;

import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.DeclarationContent.AchievementData;
import org.innofund.declaration.domain.DeclarationContent.BudgetLineData;
import org.innofund.declaration.domain.DeclarationContent.RdFiguresData;
import org.innofund.declaration.domain.DeclarationContent.ServiceRecordData;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * 修改对比: what the enterprise changed from submitted revision {@code from} to revision {@code to} (see
 * {@link RevisionDiff}). Fields are listed only when they changed; budget lines, achievements, service records and
 * files are listed all, each with its change, so that a page can show the two revisions side by side.
 */
public record RevisionChanges(int from, int to, List<FieldChange> fields, List<LineChange<BudgetLineData>> budgetLines,
                              List<LineChange<AchievementData>> achievements,
                              List<LineChange<ServiceRecordData>> serviceRecords,
                              List<LineChange<AttachmentView>> files) implements Serializable {

    /** What happened to a line or file from one revision to the next. */
    public enum Change {
        UNCHANGED, CHANGED, ADDED, REMOVED,
        /** A file of the same requirement with other content (another SHA-256). */
        REPLACED
    }

    /** How a field's value reads: the page formats it by this. */
    public enum Shape { TEXT, PROSE, PROJECT_FIELD, DATE, MONEY, COUNT }

    /** The single-valued fields of a declaration, in the order of the form. */
    public enum Field {
        PROJECT_NAME(Shape.TEXT, DeclarationContent::projectName),
        FIELD(Shape.PROJECT_FIELD, DeclarationContent::field),
        PERIOD_START(Shape.DATE, DeclarationContent::periodStart),
        PERIOD_END(Shape.DATE, DeclarationContent::periodEnd),
        SUMMARY(Shape.PROSE, DeclarationContent::summary),
        KEY_INDICATORS(Shape.PROSE, DeclarationContent::keyIndicators),
        TOTAL_BUDGET(Shape.MONEY, DeclarationContent::totalBudget),
        RD_EXPENSE_TAX(Shape.MONEY, rd(RdFiguresData::expenseTax)),
        RD_EXPENSE_STAT(Shape.MONEY, rd(RdFiguresData::expenseStat)),
        RD_EXPENSE_PRIOR(Shape.MONEY, rd(RdFiguresData::expensePrior)),
        RD_REVENUE(Shape.MONEY, rd(RdFiguresData::revenue)),
        RD_VALID_INVENTION_PATENTS(Shape.COUNT, rd(RdFiguresData::validInventionPatents)),
        RD_INVENTION_APPLICATIONS(Shape.COUNT, rd(RdFiguresData::inventionApplications)),
        RD_STAFF(Shape.COUNT, rd(RdFiguresData::rdStaff)),
        RD_TOTAL_STAFF(Shape.COUNT, rd(RdFiguresData::totalStaff));

        private final Shape shape;
        private final Function<DeclarationContent, ?> value;

        Field(Shape shape, Function<DeclarationContent, ?> value) {
            this.shape = shape;
            this.value = value;
        }

        public Shape getShape() {
            return shape;
        }

        Object of(DeclarationContent content) {
            return value.apply(content);
        }

        private static Function<DeclarationContent, ?> rd(Function<RdFiguresData, ?> figure) {
            return c -> c.rdFigures() == null ? null : figure.apply(c.rdFigures());
        }
    }

    /** A field whose value differs between the two revisions (either side may be empty). */
    public record FieldChange(Field field, Serializable before, Serializable after) implements Serializable {
        public Shape shape() {
            return field.getShape();
        }
    }

    /** A line (or file) of either revision: before is null for an added one, after for a removed one. */
    public record LineChange<T>(Change change, T before, T after) implements Serializable {
        public boolean changed() {
            return change != Change.UNCHANGED;
        }

        /** The line as it is now, or as it was if removed: what names it on both sides. */
        public T either() {
            return after != null ? after : before;
        }
    }

    /** Nothing at all differs: the enterprise submitted the same declaration again. */
    public boolean none() {
        return fields.isEmpty() && !budgetChanged() && !achievementsChanged() && !serviceRecordsChanged() && !filesChanged();
    }

    public boolean budgetChanged() {
        return anyChanged(budgetLines);
    }

    public boolean achievementsChanged() {
        return anyChanged(achievements);
    }

    public boolean serviceRecordsChanged() {
        return anyChanged(serviceRecords);
    }

    public boolean filesChanged() {
        return anyChanged(files);
    }

    /** The changed lines and files only, in one list (for a count or a test). */
    public List<LineChange<?>> changedLines() {
        return Stream.of(budgetLines, achievements, serviceRecords, files).flatMap(List::stream)
                .filter(LineChange::changed).<LineChange<?>>map(l -> l).toList();
    }

    private static boolean anyChanged(List<? extends LineChange<?>> lines) {
        return lines.stream().anyMatch(LineChange::changed);
    }
}
