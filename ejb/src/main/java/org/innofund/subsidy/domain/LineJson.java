package org.innofund.subsidy.domain;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.program.domain.SubsidyKind;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/**
 * A line's inputs, reasons and steps as JSON: read and shown whole, never queried by their parts (as an agreement's
 * content). The inputs are read back as the record of the run's kind.
 */
final class LineJson {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private static final Type REASONS = listOf(Calculation.Reason.class);
    private static final Type STEPS = listOf(Calculation.Step.class);

    private LineJson() {
    }

    static String inputs(KindInputs inputs) {
        return JSONB.toJson(inputs, inputs.getClass());
    }

    static KindInputs inputs(String json, SubsidyKind kind) {
        return JSONB.fromJson(json, switch (kind) {
            case PRE_APPROVED -> KindInputs.PreApproved.class;
            case RD_INVESTMENT -> KindInputs.RdInvestment.class;
            case REWARD -> KindInputs.Reward.class;
            case SHARED_SERVICE -> KindInputs.SharedService.class;
        });
    }

    static String reasons(List<Calculation.Reason> reasons) {
        return JSONB.toJson(reasons, REASONS);
    }

    static List<Calculation.Reason> reasons(String json) {
        return JSONB.fromJson(json, REASONS);
    }

    static String steps(List<Calculation.Step> steps) {
        return JSONB.toJson(steps, STEPS);
    }

    static List<Calculation.Step> steps(String json) {
        return JSONB.fromJson(json, STEPS);
    }

    private static Type listOf(Class<?> element) {
        return new ParameterizedType() {
            public Type[] getActualTypeArguments() {
                return new Type[]{element};
            }

            public Type getRawType() {
                return List.class;
            }

            public Type getOwnerType() {
                return null;
            }
        };
    }
}
