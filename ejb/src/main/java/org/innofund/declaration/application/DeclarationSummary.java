package org.innofund.declaration.application;

import java.util.stream.Collectors;
import java.util.function.UnaryOperator;
import java.util.Set;
import java.util.Objects;
import java.util.List;
import org.innofund.declaration.domain.Declaration;
import org.innofund.declaration.domain.DeclarationState;
import org.innofund.program.domain.SubsidyKind;

import java.io.Serializable;
import java.time.Instant;

/**
 * A declaration in a list. {@code version} goes back with any change, so a stale form is refused.
 * {@code receiptNumber} is the 申报编号, from the first submission on (null for a draft).
 */
public record DeclarationSummary(Long id, Long callId, String callTitle, SubsidyKind subsidyKind, Long enterpriseId,
                                 String enterpriseName, String enterpriseUscc, String projectName, DeclarationState state,
                                 int revision, Instant submittedAt, String lastReason, long version, boolean blacklisted,
                                 String receiptNumber)
        implements Serializable {

    /**
     * A page of a list, the blacklist asked once for all its enterprises (given their codes, it answers which are
     * blacklisted) rather than once per row.
     */
    public static List<DeclarationSummary> page(List<Declaration> page, UnaryOperator<Set<String>> blacklistedAmong) {
        Set<String> usccs = page.stream().map(d -> d.getEnterprise().getUscc().orElse(null)).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> blacklisted = usccs.isEmpty() ? Set.of() : blacklistedAmong.apply(usccs);
        return page.stream().map(d -> of(d, d.getEnterprise().getUscc().filter(blacklisted::contains).isPresent()))
                .toList();
    }

    public static DeclarationSummary of(Declaration d, boolean blacklisted) {
        return new DeclarationSummary(d.getId(), d.getCall().getId(), d.getCall().getTitle(),
                d.getCall().getProgram().getSubsidyKind(), d.getEnterprise().getId(), d.getEnterprise().getName(),
                d.getEnterprise().getUscc().orElse(null), d.getProjectName(), d.getState(), d.getRevision(),
                d.getSubmittedAt(), d.getLastReason(), d.getVersion(), blacklisted, d.getReceiptNumber());
    }
}
