package org.innofund.evaluation.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.innofund.shared.FlagConverter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * 专家评分表 as stored with one version of an evaluation: the expert, one score per indicator (by the indicator's
 * position in the call's template; a cell a draft leaves empty has no row: EclipseLink deletes a changed cell by its
 * values, and "score = NULL" would match nothing), and what the panel made of it when it was saved:
 * left out (highest or lowest of five or more) and flagged for dispersion (评分离散).
 */
@Entity
@Table(name = "evaluation_sheet")
public class EvaluationSheet {

    @Id
    @SequenceGenerator(name = "innofund_seq", sequenceName = "innofund_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "innofund_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "evaluation_id", nullable = false, updatable = false)
    private Evaluation evaluation;

    @Column(nullable = false, updatable = false)
    private int position;

    @Column(name = "expert_name", length = Evaluation.EXPERT_NAME_MAX)
    private String expertName;

    @Column(name = "expert_title", length = Evaluation.EXPERT_NAME_MAX)
    private String expertTitle;

    @Column(name = "expert_employer", length = Evaluation.EMPLOYER_MAX)
    private String expertEmployer;

    @Convert(converter = FlagConverter.class)
    @Column(nullable = false)
    private boolean dropped;

    @Convert(converter = FlagConverter.class)
    @Column(nullable = false)
    private boolean dispersed;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "evaluation_score", joinColumns = @JoinColumn(name = "sheet_id"))
    private Set<IndicatorScore> scores = new HashSet<>();

    /** One cell (a set, each knowing its place: the indicator column is its key): the indicator's position in the template and the score, null while a draft leaves it empty. */
    @Embeddable
    public static class IndicatorScore {

        @Column(nullable = false)
        private int indicator;

        @Column(precision = 4, scale = 1)
        private BigDecimal score;

        protected IndicatorScore() {
        }

        IndicatorScore(int indicator, BigDecimal score) {
            this.indicator = indicator;
            this.score = score;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IndicatorScore s && s.indicator == indicator && Objects.equals(s.score, score);
        }

        @Override
        public int hashCode() {
            return Objects.hash(indicator, score);
        }
    }

    protected EvaluationSheet() {
    }

    EvaluationSheet(Evaluation evaluation, int position) {
        this.evaluation = evaluation;
        this.position = position;
    }

    /** Takes the sheet as given (the caller checked it), with what the panel made of it. */
    void fill(ExpertSheet sheet, boolean dropped, boolean dispersed) {
        ExpertSheet.Expert expert = sheet.expert();
        this.expertName = expert == null ? null : blankToNull(expert.name());
        this.expertTitle = expert == null ? null : blankToNull(expert.title());
        this.expertEmployer = expert == null ? null : blankToNull(expert.employer());
        this.dropped = dropped;
        this.dispersed = dispersed;
        Set<IndicatorScore> given = new HashSet<>();
        for (int i = 0; i < sheet.scores().size(); i++) {
            if (sheet.scores().get(i) != null) {
                given.add(new IndicatorScore(i, sheet.scores().get(i)));
            }
        }
        scores.clear();
        scores.addAll(given);
    }

    /** The same sheet in a later version. */
    EvaluationSheet copyTo(Evaluation next) {
        EvaluationSheet copy = new EvaluationSheet(next, position);
        copy.fill(sheet(), dropped, dispersed);
        return copy;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** As the agency gave it, up to its last score given (the caller pads to the template). */
    public ExpertSheet sheet() {
        List<BigDecimal> cells = new ArrayList<>();
        scores.stream().sorted(Comparator.comparingInt(s -> s.indicator)).forEach(s -> {
            while (cells.size() < s.indicator) {
                cells.add(null);
            }
            cells.add(s.score);
        });
        return new ExpertSheet(new ExpertSheet.Expert(expertName, expertTitle, expertEmployer), cells);
    }

    public int getPosition() {
        return position;
    }

    public boolean isDropped() {
        return dropped;
    }

    public boolean isDispersed() {
        return dispersed;
    }
}
