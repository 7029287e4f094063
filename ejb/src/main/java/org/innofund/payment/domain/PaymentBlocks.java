package org.innofund.payment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.innofund.shared.Clocks.BUREAU_ZONE;

/**
 * The rules that stop a payment (拨付限制), from what is known of one enterprise at one moment: each block that holds,
 * with the arguments of its reason, all of them at once (finance fixes them together), none when the item may be paid.
 * Checked when an item goes into a batch and again when the batch is exported (the payment date).
 */
public final class PaymentBlocks {

    private PaymentBlocks() {
    }

    /** One reason an item cannot be paid, with the arguments of its text. */
    public record Block(PaymentBlock kind, List<String> arguments) {
        public Block {
            Objects.requireNonNull(kind);
            arguments = List.copyOf(arguments);
        }

        public String messageKey() {
            return kind.messageKey();
        }
    }

    /**
     * What the rules look at for one enterprise.
     *
     * @param account            its current payee account, or null
     * @param approvedAccountId  at export, the account the batch's line was approved with (null when adding)
     * @param registeredName     its registered organisation name now
     * @param holdDays           the call's hold on a changed account (accountHoldDays)
     * @param blacklistEntry     the integrity entry in force on the payment date, described, or null
     * @param blockingRecoveries its open recoveries whose block no approver released
     */
    public record Facts(PayeeAccount account, Long approvedAccountId, String registeredName, int holdDays, String blacklistEntry,
                        int blockingRecoveries) {
    }

    /** Every block that holds at {@code now}, in the order of {@link PaymentBlock}. */
    public static List<Block> of(Facts facts, Instant now) {
        List<Block> blocks = new ArrayList<>();
        PayeeAccount account = facts.account();
        if (account == null || !account.isCurrent()) {
            blocks.add(new Block(PaymentBlock.NO_ACCOUNT, List.of()));
        } else {
            if (facts.approvedAccountId() != null && !facts.approvedAccountId().equals(account.getId())) {
                blocks.add(new Block(PaymentBlock.ACCOUNT_CHANGED, List.of(account.getAccountNumber())));
            }
            if (!sameName(account.getAccountName(), facts.registeredName())) {
                blocks.add(new Block(PaymentBlock.NAME_MISMATCH, List.of(account.getAccountName(),
                        String.valueOf(facts.registeredName()))));
            }
            if (account.onHold(facts.holdDays(), now)) {
                LocalDate until = ZonedDateTime.ofInstant(account.holdEnds(facts.holdDays()), BUREAU_ZONE).toLocalDate()
                        .minusDays(1);
                blocks.add(new Block(PaymentBlock.ACCOUNT_ON_HOLD, List.of(until.toString())));
            }
        }
        if (facts.blacklistEntry() != null) {
            blocks.add(new Block(PaymentBlock.BLACKLISTED, List.of(facts.blacklistEntry())));
        }
        if (facts.blockingRecoveries() > 0) {
            blocks.add(new Block(PaymentBlock.OPEN_RECOVERY, List.of(String.valueOf(facts.blockingRecoveries()))));
        }
        return List.copyOf(blocks);
    }

    /**
     * The account's name is the registered name, exactly (the bank pays to the name as registered): only spaces around
     * either are forgiven, since neither form keeps them.
     */
    static boolean sameName(String accountName, String registeredName) {
        return accountName != null && registeredName != null && accountName.strip().equals(registeredName.strip());
    }
}
