package org.innofund.declaration.domain.kind;

import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.Problem;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.RuleParameter;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** 奖励性后补助 (SUBSIDY-RULES.md, kind 3): achievements recognised in the call's year, each with a fixed reward. */
public final class RewardRules implements KindRules {

    /** The reward of each achievement. */
    public record Parameters(Map<Achievement, Money> rewards) {

        public Parameters {
            rewards = Map.copyOf(rewards);
        }

        public static Parameters of(RuleParameters p) {
            Map<Achievement, Money> rewards = new EnumMap<>(Achievement.class);
            Arrays.stream(Achievement.values()).forEach(a -> rewards.put(a, p.money(parameter(a))));
            return new Parameters(rewards);
        }

        /** An achievement's reward is stored as "reward." and its name. */
        static RuleParameter parameter(Achievement a) {
            return RuleParameter.named("reward." + a.name())
                    .orElseThrow(() -> new IllegalStateException("no reward parameter for " + a));
        }
    }

    RewardRules() {
    }

    @Override
    public SubsidyKind kind() {
        return SubsidyKind.REWARD;
    }

    @Override
    public Set<FormSection> sections() {
        return Set.of(FormSection.ACHIEVEMENTS);
    }

    @Override
    public List<Problem> problems(DeclarationContent c, FundingCall call, String enterpriseUscc) {
        List<Problem> problems = new ArrayList<>(Amounts.problems(c));
        if (c.achievements().isEmpty()) {
            problems.add(Problem.of("submit.achievements"));
        }
        for (int i = 0; i < c.achievements().size(); i++) {
            DeclarationContent.AchievementData a = c.achievements().get(i);
            if (a.achievement() == null || a.certificateNo() == null || a.certificateNo().isBlank() || a.recognisedOn() == null) {
                problems.add(Problem.of("submit.achievementIncomplete", i + 1));
            } else if (a.recognisedOn().getYear() != call.getYear()) {
                problems.add(Problem.of("submit.achievementYear", a.certificateNo(), call.getYear()));
            }
        }
        return problems;
    }
}
