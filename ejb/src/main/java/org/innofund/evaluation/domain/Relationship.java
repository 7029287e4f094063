package org.innofund.evaluation.domain;

import java.time.LocalDate;

/**
 * 关联关系: a tie the reviewer recorded between an agency and an enterprise, with its source (工商登记, 合同编号 …) and
 * the date it holds from. A tie bars the agency from evaluating the enterprise while it is relevant: a shareholding or
 * a common controller from its date on, a consulting contract for {@value RelationshipKind#CONSULTING_YEARS} years.
 */
public record Relationship(RelationshipKind kind, String source, LocalDate since) {

    /** Whether the tie bars an assignment made on {@code today}. */
    public boolean bars(LocalDate today) {
        if (since.isAfter(today)) {
            return false;
        }
        return kind != RelationshipKind.CONSULTING_CONTRACT
                || !since.isBefore(today.minusYears(RelationshipKind.CONSULTING_YEARS));
    }
}
