package org.innofund.program.domain;

import java.util.Arrays;
import java.util.List;

/** How a program's money is computed (SUBSIDY-RULES.md). */
public enum SubsidyKind {
    /** 事前立项、事后补助 */
    PRE_APPROVED,
    /** 企业研发投入后补助 */
    RD_INVESTMENT,
    /** 奖励性后补助 */
    REWARD,
    /** 共享服务后补助 (创新券) */
    SHARED_SERVICE;

    /** The rule parameters a call of this kind has, in the catalogue's order. */
    public List<RuleParameter> parameters() {
        return Arrays.stream(RuleParameter.values()).filter(p -> p.belongsTo(this)).toList();
    }
}
