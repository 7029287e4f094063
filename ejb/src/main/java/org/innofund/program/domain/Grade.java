package org.innofund.program.domain;

import java.math.BigDecimal;

/** 评估等级: the grade an evaluation's total score earns under its call's bounds. */
public enum Grade {
    /** 优秀 */
    EXCELLENT,
    /** 良好 */
    GOOD,
    /** 合格 */
    PASS,
    /** 不合格 */
    FAIL;

    /**
     * The lowest total of each passing grade, as the call publishes them (grade.excellent, grade.good, grade.pass;
     * 90, 80 and 60 by default). A bound is the first score of its grade: 90.00 is 优秀, 89.99 is 良好.
     */
    public record Bounds(BigDecimal excellent, BigDecimal good, BigDecimal pass) {

        public static final Bounds DEFAULT = new Bounds(new BigDecimal("90"), new BigDecimal("80"), new BigDecimal("60"));

        public Bounds {
            if (pass.signum() < 0 || pass.compareTo(good) >= 0 || good.compareTo(excellent) >= 0
                    || excellent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("grade bounds must rise: 0 <= pass < good < excellent <= 100");
            }
        }

        public Grade gradeOf(BigDecimal total) {
            if (total.compareTo(excellent) >= 0) {
                return EXCELLENT;
            }
            if (total.compareTo(good) >= 0) {
                return GOOD;
            }
            return total.compareTo(pass) >= 0 ? PASS : FAIL;
        }
    }
}
