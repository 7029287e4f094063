package org.innofund.subsidy.application;

import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.shared.Money;
import org.innofund.subsidy.domain.CalculationLine;

import java.io.Serializable;
import java.util.List;

/** One enterprise's line of a run as shown: its amounts, every failed condition and the explanation steps. */
public record LineView(int position, Long enterpriseId, String uscc, String name, String origin, boolean computable,
                       boolean eligible, Money kindAmount, Money amount, Money recovery, List<Calculation.Reason> reasons,
                       List<Calculation.Step> steps) implements Serializable {

    static LineView of(CalculationLine l) {
        return new LineView(l.getPosition(), l.getEnterpriseId(), l.getUscc(), l.getName(), l.getOrigin(),
                l.isComputable(), l.isEligible(), l.getKindAmount(), l.getAmount(), l.getRecovery(), l.reasons(),
                l.steps());
    }
}
