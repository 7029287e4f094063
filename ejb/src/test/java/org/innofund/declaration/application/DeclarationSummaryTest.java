package org.innofund.declaration.application;

import org.innofund.declaration.domain.Declaration;
import org.innofund.identity.domain.Organisation;
import org.innofund.identity.domain.Uscc;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.Program;
import org.innofund.program.domain.SubsidyKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The review queue asks the blacklist once for a page, however many rows and enterprises it has. */
class DeclarationSummaryTest {

    private static final Instant CREATED = Instant.parse("2025-02-01T00:00:00Z");
    private static final Instant DURING = Instant.parse("2025-03-15T02:30:00Z");
    private static final String BLACKLISTED = "91330282MA2H00001M";
    private static final String CLEAN = "91110000802100433B";
    private static final String ALSO_CLEAN = "91330282MA2H00002Q";

    private final FundingCall call = publishedCall();

    private static FundingCall publishedCall() {
        FundingCall call = FundingCall.draft(new Program("计划", SubsidyKind.REWARD, "高新技术科", CREATED), "2025 年度申报",
                2025, Instant.parse("2025-03-01T01:00:00Z"), Instant.parse("2025-04-30T09:00:00Z"),
                new BigDecimal("50000000.00"), null, "指南", "reviewer", CREATED);
        call.publish("approver", CREATED);
        return call;
    }

    private Declaration of(String uscc) {
        Organisation enterprise = Organisation.enterprise("企业 " + uscc, Uscc.parse(uscc), "联系人", "0574-63000001", CREATED);
        return Declaration.start(call, enterprise, "enterprise", DURING);
    }

    /** A blacklist that answers from a fixed set and remembers each question. */
    private static final class CountingBlacklist implements UnaryOperator<Set<String>> {
        final List<Set<String>> questions = new ArrayList<>();

        @Override
        public Set<String> apply(Set<String> usccs) {
            questions.add(Set.copyOf(usccs));
            return usccs.contains(BLACKLISTED) ? Set.of(BLACKLISTED) : Set.of();
        }
    }

    @Test
    void oneQuestionForAPageOfManyRows() {
        List<Declaration> page = List.of(of(BLACKLISTED), of(CLEAN), of(BLACKLISTED), of(ALSO_CLEAN), of(CLEAN));
        CountingBlacklist blacklist = new CountingBlacklist();
        List<DeclarationSummary> rows = DeclarationSummary.page(page, blacklist);
        assertEquals(List.of(Set.of(BLACKLISTED, CLEAN, ALSO_CLEAN)), blacklist.questions,
                "asked once, each enterprise named once");
        assertEquals(List.of(true, false, true, false, false), rows.stream().map(DeclarationSummary::blacklisted).toList());
        assertEquals(List.of(BLACKLISTED, CLEAN, BLACKLISTED, ALSO_CLEAN, CLEAN),
                rows.stream().map(DeclarationSummary::enterpriseUscc).toList(), "rows keep their order");
    }

    @Test
    void anEmptyPageAsksNothing() {
        CountingBlacklist blacklist = new CountingBlacklist();
        assertEquals(List.of(), DeclarationSummary.page(List.of(), blacklist));
        assertEquals(List.of(), blacklist.questions);
    }

    @Test
    void aPageWithNobodyBlacklistedMarksNoRow() {
        CountingBlacklist blacklist = new CountingBlacklist();
        List<DeclarationSummary> rows = DeclarationSummary.page(List.of(of(CLEAN), of(ALSO_CLEAN)), blacklist);
        assertEquals(1, blacklist.questions.size());
        assertEquals(List.of(false, false), rows.stream().map(DeclarationSummary::blacklisted).toList());
    }
}
