package org.innofund.project.domain;

import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyFormat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of an approval list (立项建议名单), reporting everything wrong at once as {@code SubmissionCheck} does:
 * <ul>
 * <li>the candidates rank by their APPROVAL total, highest first; a tie goes to the earlier submission (then the
 *     older declaration, so that the order is total);</li>
 * <li>each candidate is decided once: proposed with an amount above zero, at most its requested subsidy and at most
 *     the agency's recommended amount where there is one; or not proposed, with a reason;</li>
 * <li>the proposed amounts together stay within the call's budget.</li>
 * </ul>
 * Amounts are compared exactly, as money.
 */
public final class ApprovalRules {

    /** APPROVAL total descending, then earlier submission, then the declaration's id. */
    public static final Comparator<ApprovalCandidate> RANKING = Comparator
            .comparing(ApprovalCandidate::score, Comparator.reverseOrder())
            .thenComparing(ApprovalCandidate::submittedAt)
            .thenComparing(ApprovalCandidate::declarationId);

    private ApprovalRules() {
    }

    /** The candidates in rank order (the first ranks 1). */
    public static List<ApprovalCandidate> rank(Collection<ApprovalCandidate> candidates) {
        return candidates.stream().sorted(RANKING).toList();
    }

    /**
     * The lines of a list, in rank order, from the candidates and the reviewer's proposals (one for each candidate, in
     * any order); refused with every problem found ({@link InvalidFormException}, each problem naming its line as
     * {@code line:<declaration id>}).
     */
    public static List<ApprovalLine> lines(Collection<ApprovalCandidate> candidates, Collection<Proposal> proposals,
                                           Money budget) {
        Objects.requireNonNull(budget);
        List<FieldProblem> problems = new ArrayList<>();
        if (candidates.isEmpty()) {
            throw new InvalidFormException(List.of(FieldProblem.of("lines", "approvalList.noCandidates")));
        }
        Map<Long, Proposal> byDeclaration = new LinkedHashMap<>();
        for (Proposal p : proposals) {
            if (p == null || p.declarationId() == null) {
                problems.add(FieldProblem.of("lines", "approvalList.notACandidate", ""));
            } else if (byDeclaration.putIfAbsent(p.declarationId(), p) != null) {
                problems.add(FieldProblem.of(field(p.declarationId()), "approvalList.decidedTwice", p.declarationId()));
            }
        }
        List<ApprovalLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (ApprovalCandidate c : rank(candidates)) {
            Proposal p = byDeclaration.remove(c.declarationId());
            String field = field(c.declarationId());
            String name = name(c);
            if (p == null) {
                problems.add(FieldProblem.of(field, "approvalList.undecided", name));
            } else if (p.proposed()) {
                FieldProblem amountProblem = amountProblem(c, p.amount(), field, name);
                if (amountProblem != null) {
                    problems.add(amountProblem);
                } else {
                    lines.add(new ApprovalLine(c, Money.of(p.amount()), null));
                }
                if (Money.isValid(p.amount())) {
                    total = total.add(p.amount());
                }
            } else {
                String reason = p.reason() == null ? "" : p.reason().strip();
                if (reason.isEmpty()) {
                    problems.add(FieldProblem.of(field, "approvalList.reasonRequired", name));
                } else if (reason.length() > Lengths.REASON) {
                    problems.add(FieldProblem.of(field, "approvalList.reasonTooLong", name, Lengths.REASON));
                } else {
                    lines.add(new ApprovalLine(c, null, reason));
                }
            }
        }
        for (Long stranger : byDeclaration.keySet()) {
            problems.add(FieldProblem.of(field(stranger), "approvalList.notACandidate", stranger));
        }
        if (total.compareTo(budget.amount()) > 0) {
            problems.add(FieldProblem.of("total", "approvalList.overBudget", MoneyFormat.figure(total),
                    MoneyFormat.figure(budget.amount())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        return List.copyOf(lines);
    }

    private static FieldProblem amountProblem(ApprovalCandidate c, BigDecimal amount, String field, String name) {
        if (amount == null) {
            return FieldProblem.of(field, "approvalList.amountRequired", name);
        }
        if (!Money.isValid(amount)) {
            return FieldProblem.of(field, "approvalList.amountNotMoney", name, amount.toPlainString());
        }
        if (amount.signum() == 0) {
            return FieldProblem.of(field, "approvalList.amountNotPositive", name);
        }
        if (amount.compareTo(c.requestedAmount().amount()) > 0) {
            return FieldProblem.of(field, "approvalList.aboveRequested", name, MoneyFormat.figure(amount),
                    MoneyFormat.figure(c.requestedAmount().amount()));
        }
        if (c.recommendedAmount() != null && amount.compareTo(c.recommendedAmount().amount()) > 0) {
            return FieldProblem.of(field, "approvalList.aboveRecommended", name, MoneyFormat.figure(amount),
                    MoneyFormat.figure(c.recommendedAmount().amount()));
        }
        return null;
    }

    /**
     * The running total of what is proposed (amounts that are money; the others are counted when corrected), for the
     * reviewer's page while the list is being drawn up.
     */
    public static Money total(Collection<Proposal> proposals) {
        return Money.sum(proposals.stream().filter(Proposal::proposed).map(Proposal::amount)
                .filter(Money::isValid).map(Money::of));
    }

    /** The total of a list's proposed amounts. */
    public static Money totalOf(Collection<ApprovalLine> lines) {
        return Money.sum(lines.stream().filter(ApprovalLine::isProposed).map(ApprovalLine::getApprovedAmount));
    }

    /** The name a problem gives a line: its project, or its declaration's number when the project has no name. */
    private static String name(ApprovalCandidate c) {
        return c.projectName() == null || c.projectName().isBlank() ? "#" + c.declarationId() : c.projectName();
    }

    private static String field(Long declarationId) {
        return "line:" + declarationId;
    }
}
