package org.innofund.payment.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.integrity.application.IntegrityRegistry;
import org.innofund.integrity.domain.IntegrityRecord;
import org.innofund.payment.domain.BankResultFile;
import org.innofund.payment.domain.LedgerTransaction;
import org.innofund.payment.domain.PayeeAccount;
import org.innofund.payment.domain.PaymentBatch;
import org.innofund.payment.domain.PaymentBatchLine;
import org.innofund.payment.domain.PaymentBatchState;
import org.innofund.payment.domain.PaymentBlocks;
import org.innofund.payment.domain.PaymentEvents;
import org.innofund.payment.domain.PaymentItem;
import org.innofund.payment.domain.PaymentItemState;
import org.innofund.payment.domain.PaymentResult;
import org.innofund.payment.domain.RecoveryState;
import org.innofund.payment.domain.TreasuryFile;
import org.innofund.payment.infrastructure.PaymentBatchTable;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.RuleParameter;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Clocks;
import org.innofund.shared.Lengths;
import org.innofund.shared.LikePatterns;
import org.innofund.shared.Messages;
import org.innofund.shared.Money;
import org.innofund.shared.Versions;
import org.innofund.shared.event.DomainEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 拨付批次: finance gathers payable items into a draft batch (each blocked one left out with its reasons), submits it;
 * an approver who did not prepare it approves or rejects it (its items payable again); finance exports the treasury
 * file (lines blocked by then fail, left out) and records the bank's result per line, by hand or from the bank's file.
 * A paid line posts the item's payment in the ledger in the same transaction, once: the line's paid_item_id is unique,
 * and a result recorded again with the same bank reference changes nothing.
 * <p>
 * Locks, always in this order so that no two requests wait on each other: the batch's row (PESSIMISTIC_WRITE), then
 * its items in id order, then (posting) each call's row in id order ({@link LedgerPostings}).
 */
@Stateless
public class PaymentBatches {

    /** The most lines or items one page may ask for. */
    public static final int MAX_PAGE_SIZE = 500;
    /** The most items one batch takes (the treasury's file limit). */
    public static final int MAX_LINES = 10_000;
    /** Oracle's limit for an IN list. */
    private static final int IN_LIST = 1000;
    private static final String LINE_SEPARATOR = "；";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Event<DomainEvent> events;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private LedgerPostings postings;

    @EJB
    private Advances advances;

    @EJB
    private PayeeAccounts payeeAccounts;

    @EJB
    private IntegrityRegistry integrity;

    @EJB
    private PaymentBatchTable tables;

    // ---------------------------------------------------------------------------------------------------------- read

    /** 待拨付: one page of the payable items the filter finds, each with its blocks now; the count and sum of all. */
    @RolesAllowed(Role.Names.FINANCE)
    public PayablePage payable(@NotNull @Valid PayableFilter filter, @Min(0) int page, @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        Object[] totals = payableQuery(filter, "select count(i), sum(i.amount)", Object[].class).getSingleResult();
        long count = ((Number) totals[0]).longValue();
        Money total = money(totals[1]);
        long first = (long) page * size;
        if (first >= count) {
            return new PayablePage(List.of(), page, size, count, total);
        }
        List<Object[]> rows = payableQuery(filter, "select i, c.title, c.program.subsidyKind", Object[].class)
                .setFirstResult((int) first).setMaxResults(size).getResultList();
        List<PaymentItem> items = rows.stream().map(r -> (PaymentItem) r[0]).toList();
        Map<Long, List<PaymentBlocks.Block>> blocks = blocks(items, Map.of(), clock.instant());
        List<PayableItemView> views = rows.stream().map(r -> {
            PaymentItem i = (PaymentItem) r[0];
            return new PayableItemView(i.getId(), i.getCallId(), (String) r[1],
                    (org.innofund.program.domain.SubsidyKind) r[2], i.getEnterpriseId(), i.getUscc(), i.getPayeeName(),
                    i.getAmount(), blocks.get(i.getId()).stream().map(BlockView::of).toList());
        }).toList();
        return new PayablePage(views, page, size, count, total);
    }

    private <T> TypedQuery<T> payableQuery(PayableFilter f, String select, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" from PaymentItem i, FundingCall c where c.id = i.callId"
                + " and i.state = :payable");
        Map<String, Object> params = new HashMap<>();
        params.put("payable", PaymentItemState.PAYABLE);
        if (f.callId() != null) {
            jpql.append(" and i.callId = :call");
            params.put("call", f.callId());
        }
        if (f.enterprise() != null && !f.enterprise().isBlank()) {
            jpql.append(" and (i.uscc = :uscc or lower(i.payeeName) like :name").append(LikePatterns.ESCAPE).append(")");
            params.put("uscc", f.enterprise().strip().toUpperCase(Locale.ROOT));
            params.put("name", LikePatterns.containingLower(f.enterprise()));
        }
        if (f.kind() != null) {
            jpql.append(" and c.program.subsidyKind = :kind");
            params.put("kind", f.kind());
        }
        if (!select.contains("count(")) {
            jpql.append(" order by i.callId, i.runId, i.position, i.id");
        }
        TypedQuery<T> query = em.createQuery(jpql.toString(), type);
        params.forEach(query::setParameter);
        return query;
    }

    /** Batches in one state (or all), the newest first. */
    @RolesAllowed({Role.Names.FINANCE, Role.Names.APPROVER})
    public List<BatchView> list(PaymentBatchState state, @Min(0) int page, @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        long first = (long) page * size;
        if (first > Integer.MAX_VALUE) {
            return List.of();
        }
        var query = em.createQuery("select b from PaymentBatch b" + (state == null ? "" : " where b.state = :state")
                + " order by b.createdAt desc, b.id desc", PaymentBatch.class);
        if (state != null) {
            query.setParameter("state", state);
        }
        List<PaymentBatch> batches = query.setFirstResult((int) first).setMaxResults(size).getResultList();
        Map<Long, Long> pending = new HashMap<>();
        for (List<Long> ids : chunks(batches.stream().map(PaymentBatch::getId).toList())) {
            em.createQuery("select l.batchId, count(l) from PaymentBatchLine l where l.batchId in :ids"
                            + " and l.result = :pending group by l.batchId", Object[].class)
                    .setParameter("ids", ids).setParameter("pending", PaymentResult.PENDING).getResultList()
                    .forEach(r -> pending.put((Long) r[0], ((Number) r[1]).longValue()));
        }
        return batches.stream().map(b -> BatchView.of(b, pending.getOrDefault(b.getId(), 0L))).toList();
    }

    /** A batch with one page of its lines, by position. */
    @RolesAllowed({Role.Names.FINANCE, Role.Names.APPROVER})
    public BatchPage batch(@NotNull Long batchId, @Min(0) int page, @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        PaymentBatch batch = find(batchId);
        long first = (long) page * size;
        List<BatchLineView> lines = first > Integer.MAX_VALUE ? List.of() : em.createQuery("select l, i, a, c.title"
                        + " from PaymentBatchLine l, PaymentItem i, PayeeAccount a, FundingCall c where l.batchId = :batch"
                        + " and i.id = l.itemId and a.id = l.payeeAccountId and c.id = i.callId order by l.position",
                        Object[].class).setParameter("batch", batchId).setFirstResult((int) first).setMaxResults(size)
                .getResultStream().map(r -> lineView((PaymentBatchLine) r[0], (PaymentItem) r[1], (PayeeAccount) r[2],
                        (String) r[3])).toList();
        boolean fileAvailable = (batch.getState() == PaymentBatchState.EXPORTED
                || batch.getState() == PaymentBatchState.CLOSED) && !hasBankResults(batch);
        return new BatchPage(view(batch), lines, page, size, fileAvailable);
    }

    private static BatchLineView lineView(PaymentBatchLine l, PaymentItem i, PayeeAccount a, String callTitle) {
        return new BatchLineView(i.getId(), TreasuryFile.itemReference(i.getId()), l.getPosition(), i.getCallId(), callTitle,
                i.getUscc(), i.getPayeeName(), l.getAmount(), a.getAccountName(), a.getAccountNumber(), a.getBankName(),
                a.getBranchName(), l.getResult(), l.getBankReference(), l.getPaidOn(), l.getFailureReason());
    }

    /** 计财科待办: what waits for finance now. */
    @RolesAllowed(Role.Names.FINANCE)
    public FinanceDesk desk() {
        Object[] payable = em.createQuery("select count(i), sum(i.amount) from PaymentItem i where i.state = :payable",
                Object[].class).setParameter("payable", PaymentItemState.PAYABLE).getSingleResult();
        long toExport = countBatches(PaymentBatchState.APPROVED);
        long toRecord = countBatches(PaymentBatchState.EXPORTED);
        Instant now = clock.instant();
        // a changed account not released, changed recently enough to be held under the longest hold a call may set
        int holdDays = RuleParameter.ACCOUNT_HOLD_DAYS.max().intValue();
        int longest = payeeAccounts.longestHoldDays();
        long onHold = em.createQuery("select a from PayeeAccount a where a.currentOf is not null and a.replacesId is not null"
                        + " and a.holdReleasedAt is null and a.changedAt > :since", PayeeAccount.class)
                .setParameter("since", now.minus(java.time.Duration.ofDays(holdDays + 2L))).getResultStream()
                .filter(a -> a.onHold(longest, now)).count();
        long overdue = em.createQuery("select count(r) from Recovery r where r.state = :open and r.dueOn < :today", Long.class)
                .setParameter("open", RecoveryState.OPEN).setParameter("today", LocalDate.now(clock.withZone(Clocks.BUREAU_ZONE)))
                .getSingleResult();
        return new FinanceDesk(((Number) payable[0]).longValue(), money(payable[1]),
                toExport, toRecord, onHold, overdue);
    }


    private long countBatches(PaymentBatchState state) {
        return em.createQuery("select count(b) from PaymentBatch b where b.state = :state", Long.class)
                .setParameter("state", state).getSingleResult();
    }

    // ------------------------------------------------------------------------------------------------------- draft

    /**
     * 编制批次: a new draft of the payable items named by id, or else of those the filter finds. A blocked item is left
     * out and listed with its reasons; a batch none of whose items may be paid is not made (409).
     */
    @RolesAllowed(Role.Names.FINANCE)
    public BatchChange build(@NotNull @Valid PayableFilter filter, @Size(max = MAX_LINES) List<@NotNull Long> itemIds) {
        String by = currentUser.require().getUsername();
        PaymentBatch batch = new PaymentBatch(by, clock.instant());
        em.persist(batch);
        em.flush();
        BatchChange change = add(batch, filter, itemIds);
        if (change.added() == 0) {
            throw BusinessException.conflict("paymentBatch.nothingPayable", change.blocked().size());
        }
        events.fire(new PaymentEvents.BatchBuilt(currentUser.actor(), batch.getId(), batch.getLineCount(), batch.getTotal()));
        return change;
    }

    /** Adds payable items (by id, or else those the filter finds) to a draft, carrying the version read. */
    @RolesAllowed(Role.Names.FINANCE)
    public BatchChange addItems(@NotNull Long batchId, Long version, @NotNull @Valid PayableFilter filter,
                                @Size(max = MAX_LINES) List<@NotNull Long> itemIds) {
        PaymentBatch batch = lock(batchId);
        Versions.requireCurrent(batch.getVersion(), version);
        requireDraft(batch);
        batch.requirePreparer(currentUser.require().getUsername());
        return add(batch, filter, itemIds);
    }

    private BatchChange add(PaymentBatch batch, PayableFilter filter, List<Long> itemIds) {
        boolean explicit = itemIds != null && !itemIds.isEmpty();
        List<Long> ids = explicit ? new ArrayList<>(new TreeSet<>(itemIds))
                : payableQuery(filter, "select i.id", Long.class).setMaxResults(MAX_LINES + 1).getResultList();
        if (batch.getLineCount() + ids.size() > MAX_LINES) {
            throw BusinessException.invalid("paymentBatch.tooManyItems", MAX_LINES);
        }
        List<PaymentItem> items = lockItemsToChange(ids);
        if (explicit) {
            Set<Long> found = items.stream().map(PaymentItem::getId).collect(Collectors.toSet());
            for (Long id : ids) {
                if (!found.contains(id)) {
                    throw BusinessException.notFound("paymentItem.notFound", id);
                }
            }
        }
        List<PaymentItem> payable = new ArrayList<>();
        for (PaymentItem item : items) {
            if (item.getState() == PaymentItemState.PAYABLE) {
                payable.add(item);
            } else if (explicit) { // found by a filter: taken by another batch meanwhile, and simply not there
                throw BusinessException.conflict("paymentItem.notPayable", item.getId());
            }
        }
        Instant now = clock.instant();
        // the accounts read once: the lines record the account each item was checked with
        Map<Long, PayeeAccount> accounts = currentAccounts(payable.stream().map(PaymentItem::getEnterpriseId).toList());
        Map<Long, List<PaymentBlocks.Block>> blocks = blocks(payable, Map.of(), now, accounts);
        Integer max = em.createQuery("select max(l.position) from PaymentBatchLine l where l.batchId = :batch", Integer.class)
                .setParameter("batch", batch.getId()).getSingleResult();
        int position = max == null ? 0 : max + 1;
        List<PaymentItem> taken = new ArrayList<>();
        List<PaymentBatchLine> lines = new ArrayList<>();
        List<BlockedItem> blocked = new ArrayList<>();
        for (PaymentItem item : payable) {
            List<PaymentBlocks.Block> reasons = blocks.get(item.getId());
            if (!reasons.isEmpty()) {
                blocked.add(blockedItem(item, reasons));
                continue;
            }
            item.putInBatch(batch.getId());
            taken.add(item);
            lines.add(new PaymentBatchLine(batch.getId(), position++, item, accounts.get(item.getEnterpriseId()).getId()));
            batch.added(item.getAmount());
        }
        tables.updateItems(taken);
        tables.insertLines(lines);
        Versions.flush(em);
        return new BatchChange(view(batch), taken.size(), blocked);
    }

    /** Takes an item out of a draft, carrying the version read: it is payable again. */
    @RolesAllowed(Role.Names.FINANCE)
    public BatchView removeItem(@NotNull Long batchId, Long version, @NotNull Long itemId) {
        PaymentBatch batch = lock(batchId);
        Versions.requireCurrent(batch.getVersion(), version);
        requireDraft(batch);
        batch.requirePreparer(currentUser.require().getUsername());
        PaymentBatchLine line = lines(batchId).get(itemId);
        if (line == null) {
            throw BusinessException.notFound("paymentBatch.lineNotFound", TreasuryFile.itemReference(itemId), batchId);
        }
        List<PaymentItem> item = lockItemsToChange(List.of(itemId));
        item.forEach(PaymentItem::backToPayable);
        tables.updateItems(item);
        em.remove(line);
        batch.removed(line.getAmount());
        Versions.flush(em);
        return view(batch);
    }

    private static void requireDraft(PaymentBatch batch) {
        if (batch.getState() != PaymentBatchState.DRAFT) {
            throw BusinessException.conflict("paymentBatch.state.DRAFT", batch.getId());
        }
    }

    /** 提交审批, carrying the version read. */
    @RolesAllowed(Role.Names.FINANCE)
    public BatchView submit(@NotNull Long batchId, Long version) {
        PaymentBatch batch = lock(batchId);
        Versions.requireCurrent(batch.getVersion(), version);
        batch.requirePreparer(currentUser.require().getUsername());
        batch.submit(clock.instant());
        Versions.flush(em);
        events.fire(new PaymentEvents.BatchSubmitted(currentUser.actor(), batchId, batch.getLineCount(), batch.getTotal()));
        return view(batch);
    }

    // ----------------------------------------------------------------------------------------------------- decide

    /** 批准: by an approver who did not prepare it, carrying the version read. */
    @RolesAllowed(Role.Names.APPROVER)
    public BatchView approve(@NotNull Long batchId, Long version) {
        PaymentBatch batch = lock(batchId);
        Versions.requireCurrent(batch.getVersion(), version);
        batch.approve(currentUser.require().getUsername(), clock.instant());
        Versions.flush(em);
        events.fire(new PaymentEvents.BatchApproved(currentUser.actor(), batchId, batch.getLineCount(), batch.getTotal()));
        return view(batch);
    }

    /** 退回, with the reason, carrying the version read: its items are payable again. */
    @RolesAllowed(Role.Names.APPROVER)
    public BatchView reject(@NotNull Long batchId, Long version, @Size(max = Lengths.REASON) String reason) {
        PaymentBatch batch = lock(batchId);
        Versions.requireCurrent(batch.getVersion(), version);
        batch.reject(reason, currentUser.require().getUsername(), clock.instant());
        List<PaymentItem> items = lockItemsToChange(lineItemIds(batchId));
        items.forEach(PaymentItem::backToPayable);
        tables.updateItems(items);
        Versions.flush(em);
        events.fire(new PaymentEvents.BatchRejected(currentUser.actor(), batchId, batch.getRejectReason()));
        return view(batch);
    }

    // ----------------------------------------------------------------------------------------------------- export

    /**
     * 导出国库支付文件. The first time (an approved batch, carrying the version read), every line's blocks are checked
     * again as of now, the payment date: a blocked line fails with its reasons (its item payable again) and is left out
     * of the file; the batch is then EXPORTED (CLOSED if no line is left). Later, the same file again.
     */
    @RolesAllowed(Role.Names.FINANCE)
    public TreasuryExport export(@NotNull Long batchId, Long version) {
        PaymentBatch batch = lock(batchId);
        List<BlockedItem> blocked = new ArrayList<>();
        boolean first = batch.getState() == PaymentBatchState.APPROVED;
        if (first) {
            Versions.requireCurrent(batch.getVersion(), version);
            String by = currentUser.require().getUsername();
            // as TIMESTAMP(6) keeps it: the lines failed now are told from the bank's results by this instant, and
            // are read back from the table (written by JDBC) while the batch is still in memory (failedAtExport)
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Map<Long, PaymentBatchLine> lines = linesToChange(batchId);
            List<PaymentItem> items = lockItemsToChange(new ArrayList<>(lines.keySet()));
            Map<Long, Long> approvedAccounts = new HashMap<>();
            lines.values().forEach(l -> approvedAccounts.put(l.getItemId(), l.getPayeeAccountId()));
            Map<Long, List<PaymentBlocks.Block>> blocks = blocks(items, approvedAccounts, now);
            Map<Long, List<LedgerTransaction>> releases = new TreeMap<>(); // by call, posted in the calls' id order
            List<PaymentItem> failedItems = new ArrayList<>();
            List<PaymentBatchLine> failedLines = new ArrayList<>();
            for (PaymentItem item : items) {
                List<PaymentBlocks.Block> reasons = blocks.get(item.getId());
                if (!reasons.isEmpty()) {
                    PaymentBatchLine line = lines.get(item.getId());
                    line.failed(reasonText(reasons), by, now);
                    backUnpaid(item, by, now, releases);
                    failedLines.add(line);
                    failedItems.add(item);
                    blocked.add(blockedItem(item, reasons));
                }
            }
            tables.updateResults(failedLines);
            tables.updateItems(failedItems);
            releases.values().forEach(postings::post);
            batch.exported(by, now);
            if (blocked.size() == lines.size()) {
                batch.close(now);
            }
            Versions.flush(em);
        } else {
            batch.exported(null, null); // refuses what was never approved; an exported batch gives its file again
            if (hasBankResults(batch)) { // the same file sent again would pay again what the bank paid or refused
                throw BusinessException.conflict("paymentBatch.resultsRecorded", batchId);
            }
        }
        List<TreasuryFile.Line> fileLines = new ArrayList<>();
        Money total = Money.ZERO;
        for (Object[] r : em.createQuery("select l, i, a, c.title from PaymentBatchLine l, PaymentItem i, PayeeAccount a,"
                        + " FundingCall c where l.batchId = :batch and i.id = l.itemId and a.id = l.payeeAccountId"
                        + " and c.id = i.callId order by l.position", Object[].class)
                .setParameter("batch", batchId).getResultList()) {
            PaymentBatchLine l = (PaymentBatchLine) r[0];
            if (failedAtExport(l, batch)) {
                continue;
            }
            PayeeAccount a = (PayeeAccount) r[2];
            fileLines.add(new TreasuryFile.Line(TreasuryFile.itemReference(l.getItemId()), a.getAccountName(),
                    a.getAccountNumber(), a.getBankName(), a.getBranchName(), l.getAmount(), r[3] + " 后补助"));
            total = total.plus(l.getAmount());
        }
        String reference = TreasuryFile.batchReference(batchId);
        byte[] file = TreasuryFile.write(reference, fileLines);
        if (first) {
            events.fire(new PaymentEvents.BatchExported(currentUser.actor(), batchId, fileLines.size(), total, blocked.size()));
        }
        return new TreasuryExport("国库支付文件-" + reference + ".csv", file, fileLines.size(), total, blocked, view(batch));
    }

    /**
     * An item the bank did not pay, or that failed at export: payable again, unless it is an advance no longer owed
     * (its project failed its acceptance meanwhile), which is cancelled and its commitment released.
     */
    private void backUnpaid(PaymentItem item, String by, Instant now, Map<Long, List<LedgerTransaction>> byCall) {
        item.backToPayable();
        if (advances.noLongerOwed(item)) {
            item.cancel(now);
            byCall.computeIfAbsent(item.getCallId(), c -> new ArrayList<>())
                    .add(LedgerTransaction.release(item.getCallId(), item.reference(), item.getAmount(), by, now));
        }
    }

    /** Whether the bank's result is recorded for any line (lines that failed at export are not the bank's). */
    private boolean hasBankResults(PaymentBatch batch) {
        return em.createQuery("select l from PaymentBatchLine l where l.batchId = :batch and l.result <> :pending",
                        PaymentBatchLine.class).setParameter("batch", batch.getId())
                .setParameter("pending", PaymentResult.PENDING).getResultStream().anyMatch(l -> !failedAtExport(l, batch));
    }

    /**
     * Whether the line failed when its batch was exported (its block found on the payment date): those are not in the
     * file. A result the bank gave is recorded later than the export.
     */
    private static boolean failedAtExport(PaymentBatchLine l, PaymentBatch batch) {
        return l.getResult() == PaymentResult.FAILED && batch.getExportedAt() != null
                && batch.getExportedAt().equals(l.getResultAt()) && batch.getExportedBy().equals(l.getResultBy());
    }

    // ----------------------------------------------------------------------------------------------------- results

    /**
     * 登记银行结果 by hand: each PAID (bank reference and date) or FAILED (reason; the item payable again). A result
     * already recorded the same (PAID with the same bank reference, FAILED) changes nothing and is counted unchanged; a
     * different one for a line that has one is refused (409). What changes carries the version read.
     */
    @RolesAllowed(Role.Names.FINANCE)
    public ResultReport record(@NotNull Long batchId, Long version, @NotNull @Size(min = 1, max = MAX_LINES) List<@Valid @NotNull BankResult> results) {
        PaymentBatch batch = lock(batchId);
        List<BankResultFile.Row> rows = results.stream().map(r -> new BankResultFile.Row(0, r.itemId(), r.result(),
                blankToNull(r.bankReference()), r.paidOn(), blankToNull(r.reason()))).toList();
        return apply(batch, version, rows, false, true);
    }

    /**
     * 导入银行回单: the bank's result file (see {@link BankResultFile}), taken all or nothing: any bad line and nothing is
     * recorded, every bad line reported with its number. {@code dryRun}: checked and counted only.
     */
    @RolesAllowed(Role.Names.FINANCE)
    public ResultReport importResults(@NotNull Long batchId, Long version, byte[] content, boolean dryRun) {
        BankResultFile.Read read = BankResultFile.read(content);
        PaymentBatch batch = lock(batchId);
        if (!read.problems().isEmpty()) {
            return new ResultReport(view(batch), 0, 0, 0, false, read.problems().stream()
                    .map(p -> new ResultReport.LineProblem(p.line(), p.messageKey(), p.arguments())).toList());
        }
        return apply(batch, version, read.rows(), dryRun, false);
    }

    /**
     * Checks every row against the batch, then (unless a dry run, and only if none is bad) records them. By hand
     * ({@code refuse}) the first bad row is refused as an error; from a file, every bad row is listed by its line.
     */
    private ResultReport apply(PaymentBatch batch, Long version, List<BankResultFile.Row> rows, boolean dryRun,
                               boolean refuse) {
        if (batch.getState() != PaymentBatchState.EXPORTED && batch.getState() != PaymentBatchState.CLOSED) {
            throw BusinessException.conflict("paymentResult.notExported", batch.getId());
        }
        LocalDate today = LocalDate.now(clock.withZone(Clocks.BUREAU_ZONE));
        Map<Long, PaymentBatchLine> lines = linesToChange(batch.getId());
        List<ResultReport.LineProblem> problems = new ArrayList<>();
        List<BankResultFile.Row> changes = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        int unchanged = 0;
        for (BankResultFile.Row row : rows) {
            BusinessException problem = check(row, lines.get(row.itemId()), batch.getId(), today, seen);
            if (problem == UNCHANGED) {
                unchanged++;
            } else if (problem != null) {
                if (refuse) {
                    throw problem;
                }
                problems.add(new ResultReport.LineProblem(row.line(), problem.messageKey(),
                        java.util.Arrays.stream(problem.arguments()).map(String::valueOf).toList()));
            } else {
                changes.add(row);
            }
        }
        int paid = (int) changes.stream().filter(r -> r.result() == PaymentResult.PAID).count();
        int failed = changes.size() - paid;
        if (!problems.isEmpty() || dryRun || changes.isEmpty()) {
            return new ResultReport(view(batch), paid, failed, unchanged, false, problems);
        }
        Versions.requireCurrent(batch.getVersion(), version);
        String by = currentUser.require().getUsername();
        Instant now = clock.instant();
        Map<Long, BankResultFile.Row> byItem = new HashMap<>();
        changes.forEach(r -> byItem.put(r.itemId(), r));
        Map<Long, List<LedgerTransaction>> payments = new TreeMap<>(); // by call, posted in the calls' id order
        List<PaymentItem> items = lockItemsToChange(new ArrayList<>(byItem.keySet()));
        List<PaymentBatchLine> changed = new ArrayList<>(items.size());
        for (PaymentItem item : items) {
            BankResultFile.Row row = byItem.get(item.getId());
            PaymentBatchLine line = lines.get(item.getId());
            if (item.getState() != PaymentItemState.IN_BATCH || !Long.valueOf(batch.getId()).equals(item.getBatchId())) {
                throw BusinessException.conflict("paymentResult.notInBatch", item.getId(), batch.getId());
            }
            if (row.result() == PaymentResult.PAID) {
                line.paid(row.bankReference(), row.paidOn(), by, now);
                item.paid();
                payments.computeIfAbsent(item.getCallId(), c -> new ArrayList<>())
                        .add(LedgerTransaction.payment(item.getCallId(), item.reference(), item.getAmount(), by, now));
            } else {
                line.failed(row.reason(), by, now);
                backUnpaid(item, by, now, payments);
            }
            changed.add(line);
        }
        tables.updateResults(changed);
        tables.updateItems(items);
        payments.values().forEach(postings::post);
        em.lock(batch, LockModeType.OPTIMISTIC_FORCE_INCREMENT); // a user who read it before these results reloads
        if (lines.values().stream().noneMatch(l -> l.getResult() == PaymentResult.PENDING)) {
            batch.close(now);
        }
        Versions.flush(em);
        events.fire(new PaymentEvents.ResultsRecorded(currentUser.actor(), batch.getId(), paid, failed));
        return new ResultReport(view(batch), paid, failed, unchanged, true, List.of());
    }

    /** Marks a row whose result the line has already: it changes nothing. */
    private static final BusinessException UNCHANGED = BusinessException.conflict("paymentResult.unchanged");

    /** What is wrong with recording this row on this line: null if it may be recorded, {@link #UNCHANGED} if it is. */
    private static BusinessException check(BankResultFile.Row row, PaymentBatchLine line, long batchId, LocalDate today,
                                           Set<Long> seen) {
        if (line == null) {
            return BusinessException.notFound("paymentBatch.lineNotFound", TreasuryFile.itemReference(row.itemId()), batchId);
        }
        if (!seen.add(row.itemId())) {
            return BusinessException.invalid("paymentResult.duplicate", TreasuryFile.itemReference(row.itemId()));
        }
        if (row.result() == PaymentResult.PENDING) {
            return BusinessException.invalid("paymentResult.pending");
        }
        if (row.result() == PaymentResult.PAID) {
            if (row.bankReference() == null) {
                return BusinessException.invalid("paymentResult.bankReferenceRequired", TreasuryFile.itemReference(row.itemId()));
            }
            if (row.paidOn() == null) {
                return BusinessException.invalid("paymentResult.dateRequired", TreasuryFile.itemReference(row.itemId()));
            }
            if (row.paidOn().isAfter(today)) {
                return BusinessException.invalid("paymentResult.futureDate", row.paidOn().toString());
            }
        } else if (row.reason() == null) {
            return BusinessException.invalid("paymentResult.reasonRequired", TreasuryFile.itemReference(row.itemId()));
        }
        if (line.getResult() == PaymentResult.PENDING) {
            return null;
        }
        boolean same = line.getResult() == row.result() && (row.result() == PaymentResult.FAILED
                || line.getBankReference().equals(row.bankReference()));
        return same ? UNCHANGED : BusinessException.conflict("paymentResult.conflict",
                TreasuryFile.itemReference(row.itemId()), line.getResult().name(),
                line.getResult() == PaymentResult.PAID ? line.getBankReference() : line.getFailureReason());
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /**
     * The blocks of each item as of {@code now}: {@code approvedAccounts} the account each item's line was approved
     * with (at export; empty when adding). A few queries for all the items' enterprises at once.
     */
    private Map<Long, List<PaymentBlocks.Block>> blocks(Collection<PaymentItem> items, Map<Long, Long> approvedAccounts,
                                                        Instant now) {
        return blocks(items, approvedAccounts, now,
                currentAccounts(items.stream().map(PaymentItem::getEnterpriseId).collect(Collectors.toSet())));
    }

    /** The same with the enterprises' current accounts already read ({@code accounts}, by enterprise). */
    private Map<Long, List<PaymentBlocks.Block>> blocks(Collection<PaymentItem> items, Map<Long, Long> approvedAccounts,
                                                        Instant now, Map<Long, PayeeAccount> accounts) {
        return withoutFlush(() -> readBlocks(items, approvedAccounts, now, accounts));
    }

    private Map<Long, List<PaymentBlocks.Block>> readBlocks(Collection<PaymentItem> items, Map<Long, Long> approvedAccounts,
                                                            Instant now, Map<Long, PayeeAccount> accounts) {
        Set<Long> enterprises = items.stream().map(PaymentItem::getEnterpriseId).collect(Collectors.toSet());
        Map<Long, String> names = new HashMap<>();
        Map<Long, Integer> recoveries = new HashMap<>();
        for (List<Long> ids : chunks(List.copyOf(enterprises))) {
            em.createQuery("select o.id, o.name from Organisation o where o.id in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList().forEach(r -> names.put((Long) r[0], (String) r[1]));
            em.createQuery("select r.enterpriseId, count(r) from Recovery r where r.enterpriseId in :ids"
                            + " and r.state = :open and r.blockReleasedAt is null group by r.enterpriseId", Object[].class)
                    .setParameter("ids", ids).setParameter("open", RecoveryState.OPEN).getResultList()
                    .forEach(r -> recoveries.put((Long) r[0], ((Number) r[1]).intValue()));
        }
        Map<String, String> blacklisted = new HashMap<>();
        for (String uscc : integrity.inForceAmong(IntegrityRecord.SubjectKind.ENTERPRISE,
                items.stream().map(PaymentItem::getUscc).collect(Collectors.toSet()))) {
            integrity.inForce(IntegrityRecord.SubjectKind.ENTERPRISE, uscc).ifPresent(d -> blacklisted.put(uscc, d));
        }
        Map<Long, Integer> holdDays = new HashMap<>();
        for (List<Long> ids : chunks(items.stream().map(PaymentItem::getCallId).distinct().toList())) {
            em.createQuery("select c from FundingCall c where c.id in :ids", FundingCall.class).setParameter("ids", ids)
                    .getResultList().forEach(c -> holdDays.put(c.getId(), c.getAccountHoldDays()));
        }
        Map<Long, List<PaymentBlocks.Block>> blocks = new HashMap<>();
        for (PaymentItem i : items) {
            blocks.put(i.getId(), PaymentBlocks.of(new PaymentBlocks.Facts(accounts.get(i.getEnterpriseId()),
                    approvedAccounts.get(i.getId()), names.get(i.getEnterpriseId()), holdDays.get(i.getCallId()),
                    blacklisted.get(i.getUscc()), recoveries.getOrDefault(i.getEnterpriseId(), 0)), now));
        }
        return blocks;
    }

    private Map<Long, PayeeAccount> currentAccounts(Collection<Long> enterprises) {
        return withoutFlush(() -> {
            Map<Long, PayeeAccount> accounts = new HashMap<>();
            for (List<Long> ids : chunks(List.copyOf(new HashSet<>(enterprises)))) {
                em.createQuery("select a from PayeeAccount a where a.currentOf in :ids", PayeeAccount.class)
                        .setParameter("ids", ids).getResultList().forEach(a -> accounts.put(a.getEnterpriseId(), a));
            }
            return accounts;
        });
    }

    /**
     * Reads of what these requests never change (accounts, names, recoveries, the blacklist, the calls), made without
     * the flush before each query: with a batch's 10,000 items managed, EclipseLink compared every one of them for
     * changes before each of the few dozen queries, a third of an export's time (BENCHMARKS.md, "Payment batch of
     * 10,000 items"). Only where nothing was changed and left unflushed before: a batch's change starts with its row
     * locked after a flush ({@link #lock}), a new batch is flushed before its items are added.
     */
    private <T> T withoutFlush(java.util.function.Supplier<T> read) {
        FlushModeType mode = em.getFlushMode();
        em.setFlushMode(FlushModeType.COMMIT);
        try {
            return read.get();
        } finally {
            em.setFlushMode(mode);
        }
    }

    private static BlockedItem blockedItem(PaymentItem item, List<PaymentBlocks.Block> reasons) {
        return new BlockedItem(item.getId(), item.getPayeeName(), item.getAmount(),
                reasons.stream().map(BlockView::of).toList());
    }

    /** The blocks as the line's failure reason reads (in the bureau's language: the record is the bureau's). */
    private static String reasonText(List<PaymentBlocks.Block> reasons) {
        String text = reasons.stream().map(b -> Messages.get(Messages.DEFAULT_LOCALE, b.messageKey(), b.arguments().toArray()))
                .collect(Collectors.joining(LINE_SEPARATOR));
        return text.length() <= Lengths.REASON ? text : text.substring(0, Lengths.REASON - 1) + "…";
    }

    /** The batch's row, locked for the rest of the transaction: every change of a batch starts here. */
    private PaymentBatch lock(Long batchId) {
        em.flush();
        PaymentBatch batch = em.find(PaymentBatch.class, batchId, LockModeType.PESSIMISTIC_WRITE);
        if (batch == null) {
            throw BusinessException.notFound("paymentBatch.notFound", batchId);
        }
        return batch;
    }

    private PaymentBatch find(Long batchId) {
        PaymentBatch batch = em.find(PaymentBatch.class, batchId);
        if (batch == null) {
            throw BusinessException.notFound("paymentBatch.notFound", batchId);
        }
        return batch;
    }

    /**
     * These items, their rows locked in id order (after the batch's), to be changed by their own methods and written
     * by {@link PaymentBatchTable}: detached, so that JPA does not write them a second time.
     */
    private List<PaymentItem> lockItemsToChange(List<Long> ids) {
        List<Long> sorted = ids.stream().sorted().toList();
        List<PaymentItem> items = new ArrayList<>(sorted.size());
        for (List<Long> chunk : chunks(sorted)) {
            items.addAll(em.createQuery("select i from PaymentItem i where i.id in :ids order by i.id", PaymentItem.class)
                    .setParameter("ids", chunk).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
        }
        items.sort(Comparator.comparing(PaymentItem::getId));
        items.forEach(em::detach);
        return items;
    }

    /** A batch's lines by item, detached like {@link #lockItemsToChange}'s items (the batch's row lock covers them). */
    private Map<Long, PaymentBatchLine> linesToChange(long batchId) {
        Map<Long, PaymentBatchLine> lines = lines(batchId);
        lines.values().forEach(em::detach);
        return lines;
    }

    private Map<Long, PaymentBatchLine> lines(long batchId) {
        return em.createQuery("select l from PaymentBatchLine l where l.batchId = :batch order by l.itemId",
                        PaymentBatchLine.class).setParameter("batch", batchId).getResultStream()
                .collect(Collectors.toMap(PaymentBatchLine::getItemId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private List<Long> lineItemIds(long batchId) {
        return em.createQuery("select i.id from PaymentItem i where i.batchId = :batch", Long.class)
                .setParameter("batch", batchId).getResultList();
    }

    private BatchView view(PaymentBatch batch) {
        long pending = em.createQuery("select count(l) from PaymentBatchLine l where l.batchId = :batch"
                + " and l.result = :pending", Long.class).setParameter("batch", batch.getId())
                .setParameter("pending", PaymentResult.PENDING).getSingleResult();
        return BatchView.of(batch, pending);
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IN_LIST)));
        }
        return chunks;
    }

    /** A sum of money as JPQL answers it (null over no rows). */
    private static Money money(Object sum) {
        return sum == null ? Money.ZERO : sum instanceof Money m ? m : Money.of(new java.math.BigDecimal(sum.toString()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
