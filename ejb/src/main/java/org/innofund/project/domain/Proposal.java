package org.innofund.project.domain;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * The reviewer's proposal for one candidate: proposed with the approved amount (立项金额), or not proposed with the
 * reason. The amount is given as typed (not yet money), so that the rules can say what is wrong with it.
 */
public record Proposal(Long declarationId, boolean proposed, BigDecimal amount, String reason) implements Serializable {

    public static Proposal of(Long declarationId, BigDecimal amount) {
        return new Proposal(declarationId, true, amount, null);
    }

    public static Proposal notProposed(Long declarationId, String reason) {
        return new Proposal(declarationId, false, null, reason);
    }
}
