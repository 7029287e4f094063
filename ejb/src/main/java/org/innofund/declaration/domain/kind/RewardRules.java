package org.innofund.declaration.domain.kind;

import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.Problem;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.RuleParameter;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.MessageKey;
import org.innofund.shared.Money;

import java.util.ArrayList;
import java.util.Comparator;
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

    /** 就高不重复: within a group an enterprise gets only its highest reward of the year; groups stack. */
    public enum Group {
        CULTIVATION, HIGH_TECH, RD_PLATFORM, CHAMPION;

        public static Group of(Achievement a) {
            return switch (a) {
                case TECH_SME -> CULTIVATION;
                case HIGH_TECH_NEW, HIGH_TECH_RENEWED -> HIGH_TECH;
                case MUNICIPAL_RD_CENTER, PROVINCIAL_RD_CENTER -> RD_PLATFORM;
                case SINGLE_CHAMPION -> CHAMPION;
            };
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

    /**
     * SUBSIDY-RULES.md kind 3: each achievement of the year Y earns its reward; an achievement of another year, or a
     * HIGH_TECH_NEW when one was paid before (once ever), is excluded with its reason; within a group only the highest
     * counts (the first listed on a tie); groups add up. Eligible when step 1 holds and at least one achievement counts.
     */
    @Override
    public Calculation calculate(KindInputs inputs, RuleParameters parameters, CalculationContext context) {
        KindInputs.Reward in = (KindInputs.Reward) inputs;
        Map<Achievement, Money> rewards = Parameters.of(parameters).rewards();
        Explanation x = new Explanation();
        x.sources(in.sources(), List.of("achievements", "highTechNewPaidBefore"));
        boolean standing = x.standing(context);
        Map<Group, List<KindInputs.AchievementClaim>> byGroup = new EnumMap<>(Group.class);
        for (KindInputs.AchievementClaim a : in.achievements()) {
            boolean counts = true;
            if (a.date().getYear() != context.year()) {
                x.fail("REWARD_OUTSIDE_YEAR", label(a), a.certificateNo(), a.date().toString(), context.year());
                counts = false;
            }
            if (a.type() == Achievement.HIGH_TECH_NEW && in.highTechNewPaidBefore()) {
                x.fail("REWARD_HIGH_TECH_NEW_AGAIN", a.certificateNo());
                counts = false;
            }
            if (counts) {
                byGroup.computeIfAbsent(Group.of(a.type()), g -> new ArrayList<>()).add(a);
            }
        }
        if (byGroup.isEmpty() && !x.failed()) {
            x.fail("REWARD_NONE", context.year());
        }
        Money total = Money.ZERO;
        for (Map.Entry<Group, List<KindInputs.AchievementClaim>> g : byGroup.entrySet()) {
            // max keeps the first of equal rewards: the order the enterprise listed them
            KindInputs.AchievementClaim best = g.getValue().stream()
                    .max(Comparator.comparing((KindInputs.AchievementClaim a) -> rewards.get(a.type()))
                            .thenComparing(a -> -g.getValue().indexOf(a)))
                    .orElseThrow();
            x.add("reward.paid", label(best), best.certificateNo(), Explanation.figure(rewards.get(best.type())));
            for (KindInputs.AchievementClaim other : g.getValue()) {
                if (other != best) {
                    x.add("reward.notStacked", label(other), other.certificateNo(), label(best),
                            new MessageKey("calc.rewardGroup." + g.getKey().name()));
                }
            }
            total = total.plus(rewards.get(best.type()));
        }
        if (byGroup.size() > 1) {
            x.add("reward.total", byGroup.size(), Explanation.figure(total));
        }
        return x.result(kind(), standing && !byGroup.isEmpty(), total, Money.ZERO);
    }

    private static MessageKey label(KindInputs.AchievementClaim a) {
        return new MessageKey("calc.achievement." + a.type().name());
    }
}
