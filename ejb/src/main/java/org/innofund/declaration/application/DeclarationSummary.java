package org.innofund.declaration.application;

import java.util.stream.Collectors;
import java.util.function.UnaryOperator;
import java.util.Set;
import java.util.Objects;
import java.util.List;
import org.innofund.declaration.domain.Declaration;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.DeclarationState;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;

import java.io.Serializable;
import java.time.Instant;

/**
 * A declaration in a list. {@code version} goes back with any change, so a stale form is refused.
 * {@code receiptNumber} is the 申报编号, from the first submission on (null for a draft). {@code requestedSubsidy} is the
 * 申请金额 (the budget lines paid from the subsidy), {@code callClosesAt} the call's 截止时间.
 */
public record DeclarationSummary(Long id, Long callId, String callTitle, SubsidyKind subsidyKind, Long enterpriseId,
                                 String enterpriseName, String enterpriseUscc, String projectName, DeclarationState state,
                                 int revision, Instant submittedAt, String lastReason, long version, boolean blacklisted,
                                 String receiptNumber, Money requestedSubsidy, Instant callClosesAt)
        implements Serializable {

    /**
     * A page of a list, the blacklist asked once for all its enterprises (given their codes, it answers which are
     * blacklisted) rather than once per row.
     */
    public static List<DeclarationSummary> page(List<Declaration> page, UnaryOperator<Set<String>> blacklistedAmong) {
        return markBlacklisted(page.stream().map(d -> of(d, false)).toList(), blacklistedAmong);
    }

    /** The rows with the blacklist asked once for all their enterprises. */
    public static List<DeclarationSummary> markBlacklisted(List<DeclarationSummary> rows, UnaryOperator<Set<String>> blacklistedAmong) {
        Set<String> usccs = rows.stream().map(DeclarationSummary::enterpriseUscc).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> blacklisted = usccs.isEmpty() ? Set.of() : blacklistedAmong.apply(usccs);
        return rows.stream().map(r -> r.enterpriseUscc() != null && blacklisted.contains(r.enterpriseUscc())
                ? r.with(r.projectName(), true) : r).toList();
    }

    /** The same row with another project name (a revision's) and blacklist mark. */
    public DeclarationSummary with(String projectName, boolean blacklisted) {
        return new DeclarationSummary(id, callId, callTitle, subsidyKind, enterpriseId, enterpriseName, enterpriseUscc,
                projectName, state, revision, submittedAt, lastReason, version, blacklisted, receiptNumber, requestedSubsidy,
                callClosesAt);
    }

    public static DeclarationSummary of(Declaration d, boolean blacklisted) {
        return of(d, d.content(), blacklisted);
    }

    /**
     * The declaration as last submitted: the project name and requested subsidy of that revision (not of a returned
     * declaration's draft being revised), its state and history as they are now.
     */
    public static DeclarationSummary asSubmitted(Declaration d, DeclarationContent submitted, boolean blacklisted) {
        return of(d, submitted, blacklisted);
    }

    private static DeclarationSummary of(Declaration d, DeclarationContent content, boolean blacklisted) {
        return new DeclarationSummary(d.getId(), d.getCall().getId(), d.getCall().getTitle(),
                d.getCall().getProgram().getSubsidyKind(), d.getEnterprise().getId(), d.getEnterprise().getName(),
                d.getEnterprise().getUscc().orElse(null), content.projectName(), d.getState(), d.getRevision(),
                d.getSubmittedAt(), d.getLastReason(), d.getVersion(), blacklisted, d.getReceiptNumber(),
                content.requestedSubsidy(), d.getCall().getClosesAt());
    }
}
