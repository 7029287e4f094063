package org.innofund.program.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.innofund.shared.BusinessException;

import java.util.List;
import java.util.Objects;

/** 评分指标: one indicator of a call's scoring template, with its weight; the weights of a template sum to 100. */
@Embeddable
public class ScoringIndicator {

    public static final int TOTAL_WEIGHT = 100;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false)
    private int weight;

    protected ScoringIndicator() {
    }

    public ScoringIndicator(String name, int weight) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw BusinessException.invalid("call.indicatorName");
        }
        if (weight < 1 || weight > TOTAL_WEIGHT) {
            throw BusinessException.invalid("call.indicatorWeight", name, weight);
        }
        this.name = name.strip();
        this.weight = weight;
    }

    /** The seed's item 24: R&D input, advancedness and IP value first (DOMAIN.md). */
    public static List<ScoringIndicator> defaultTemplate() {
        return List.of(
                new ScoringIndicator("研发投入强度与研发组织", 25),
                new ScoringIndicator("技术与产品先进性", 25),
                new ScoringIndicator("知识产权价值", 20),
                new ScoringIndicator("团队与实施条件", 15),
                new ScoringIndicator("经济与社会效益", 15));
    }

    /** Refuses a template whose weights do not sum to 100 or that names an indicator twice. */
    public static void checkTemplate(List<ScoringIndicator> template) {
        if (template == null || template.isEmpty()) {
            throw BusinessException.invalid("call.templateEmpty");
        }
        int sum = template.stream().mapToInt(ScoringIndicator::getWeight).sum();
        if (sum != TOTAL_WEIGHT) {
            throw BusinessException.invalid("call.templateWeights", sum);
        }
        if (template.stream().map(ScoringIndicator::getName).distinct().count() != template.size()) {
            throw BusinessException.invalid("call.templateDuplicate");
        }
    }

    public String getName() {
        return name;
    }

    public int getWeight() {
        return weight;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoringIndicator s && s.name.equals(name) && s.weight == weight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, weight);
    }
}
