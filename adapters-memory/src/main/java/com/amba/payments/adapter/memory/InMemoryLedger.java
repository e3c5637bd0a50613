package com.amba.payments.adapter.memory;

import com.amba.payments.domain.model.CreationAttempt;
import com.amba.payments.domain.model.CreationClaim;
import com.amba.payments.domain.model.IdempotencyClaim;
import com.amba.payments.domain.model.IdempotentRequest;
import com.amba.payments.domain.model.Currency;
import com.amba.payments.domain.model.EventDisposition;
import com.amba.payments.domain.model.InboxEntry;
import com.amba.payments.domain.model.MoneyBackTotals;
import com.amba.payments.domain.model.OutboxBacklog;
import com.amba.payments.domain.model.OutboxEntry;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentCursor;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentPage;
import com.amba.payments.domain.model.PaymentQuery;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderEvent.PaymentIntentChanged;
import com.amba.payments.domain.model.ProviderEventId;
import com.amba.payments.domain.model.Report;
import com.amba.payments.domain.model.ReportLine;
import com.amba.payments.domain.model.StatusChange;
import com.amba.payments.domain.model.StatusHistoryEntry;
import com.amba.payments.domain.model.SweepPosition;
import com.amba.payments.domain.model.Transition;
import com.amba.payments.domain.model.TransitionOutcome;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.Outbox;
import com.amba.payments.domain.port.out.RefundLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ledger and its outbox in memory, for dev mode and tests. One monitor guards all state, so every
 * method is one atomic step, as a database transaction would be; nothing here is durable.
 */
public final class InMemoryLedger implements Ledger, Outbox {

    static final String CREATED_CAUSE = "created";

    private final Map<PaymentId, Payment> payments = new HashMap<>();
    private final Map<PaymentId, List<StatusHistoryEntry>> histories = new HashMap<>();
    private final Map<ReferenceKey, AttemptState> attempts = new HashMap<>();
    private final Map<String, KeyState> keys = new HashMap<>();
    private final Map<ProviderEventId, InboxEntry> inbox = new LinkedHashMap<>();
    private final Map<ProviderEventId, ParkedEvent> parked = new LinkedHashMap<>();
    /** Only the entries not yet relayed, by position: relayed ones are forgotten, so memory stays bounded. */
    private final TreeMap<Long, OutboxEntry> unrelayed = new TreeMap<>();
    /** The outbox's second reader, outgoing webhooks, keeps a mark of its own (see {@link InMemoryWebhooks}). */
    private final TreeMap<Long, OutboxEntry> notFannedOut = new TreeMap<>();
    private long nextOutboxPosition = 1;
    private long nextParkedSequence = 1;
    private final InMemoryRefunds refunds = new InMemoryRefunds(this);

    /** The refunds and disputes kept with this ledger, under the same monitor. */
    public RefundLedger refunds() {
        return refunds;
    }

    @Override
    public synchronized Optional<Payment> find(PaymentId id) {
        return Optional.ofNullable(payments.get(id));
    }

    @Override
    public synchronized CreationClaim claimCreation(CreationAttempt attempt, Instant now, Duration lease) {
        ReferenceKey key = new ReferenceKey(attempt.projectId(), attempt.reference());
        AttemptState existing = attempts.get(key);
        if (existing == null) {
            return claim(key, attempt, now, lease);
        }
        boolean sameRequest = existing.attempt().fingerprint().equals(attempt.fingerprint());
        if (existing.isCompleted()) {
            return sameRequest
                    ? new CreationClaim.AlreadyCreated(payments.get(existing.payment().orElseThrow()))
                    : new CreationClaim.Conflict();
        }
        if (existing.isInFlight(now)) {
            return sameRequest ? new CreationClaim.InFlight() : new CreationClaim.Conflict();
        }
        // Released, or its holder's lease ran out (it crashed): the reference binds nothing. The request takes
        // it with its own provider key; the same request derives the recorded key, so it reaches any intent the
        // earlier holder may have made, and one with other notes gets a key of its own (the provider would refuse
        // the recorded key with other parameters).
        return claim(key, attempt, now, lease);
    }

    private CreationClaim claim(ReferenceKey key, CreationAttempt attempt, Instant now, Duration lease) {
        attempts.put(key, AttemptState.claimed(attempt, now.plus(lease)));
        return new CreationClaim.Claimed(attempt);
    }

    @Override
    public synchronized void completeCreation(CreationAttempt attempt, PaymentId payment) {
        ReferenceKey key = new ReferenceKey(attempt.projectId(), attempt.reference());
        AttemptState existing = attempts.get(key);
        if (existing != null && !existing.isCompleted() && payments.containsKey(payment)
                && existing.attempt().fingerprint().equals(attempt.fingerprint())) {
            attempts.put(key, existing.completedBy(payment));
        }
    }

    @Override
    public synchronized IdempotencyClaim claimKey(IdempotentRequest request, Instant now, Duration lease) {
        String key = keyOf(request);
        KeyState existing = keys.get(key);
        if (existing != null && existing.resourceId().isPresent()) {
            return existing.isSameRequest(request)
                    ? new IdempotencyClaim.AlreadyCreated(existing.resourceId().get())
                    : new IdempotencyClaim.Conflict();
        }
        if (existing != null && existing.isInFlight(now)) {
            return existing.isSameRequest(request) ? new IdempotencyClaim.InFlight() : new IdempotencyClaim.Conflict();
        }
        keys.put(key, KeyState.claimed(request, now.plus(lease)));
        return new IdempotencyClaim.Claimed();
    }

    @Override
    public synchronized void completeKey(IdempotentRequest request, String resourceId) {
        KeyState existing = keys.get(keyOf(request));
        if (existing != null && existing.resourceId().isEmpty() && existing.isSameRequest(request)) {
            keys.put(keyOf(request), new KeyState(request, existing.leaseUntil(), false, Optional.of(resourceId)));
        }
    }

    @Override
    public synchronized void releaseKey(IdempotentRequest request) {
        KeyState existing = keys.get(keyOf(request));
        if (existing != null && existing.resourceId().isEmpty() && existing.isSameRequest(request)) {
            keys.put(keyOf(request), new KeyState(request, existing.leaseUntil(), true, Optional.empty()));
        }
    }

    private static String keyOf(IdempotentRequest request) {
        return request.scope() + "\n" + request.binding().value();
    }

    @Override
    public synchronized void releaseCreation(CreationAttempt attempt) {
        ReferenceKey key = new ReferenceKey(attempt.projectId(), attempt.reference());
        AttemptState existing = attempts.get(key);
        if (existing != null && !existing.isCompleted()
                && existing.attempt().fingerprint().equals(attempt.fingerprint())) {
            attempts.put(key, existing.releasedNow());
        }
    }

    @Override
    public synchronized Payment recordCreation(Optional<CreationAttempt> attempt, Payment payment,
                                               PaymentEvent created) {
        Payment existing = payments.get(payment.id());
        if (existing != null) {
            return existing;
        }
        payments.put(payment.id(), payment);
        appendHistory(new StatusHistoryEntry(payment.id(), Optional.empty(), payment.status(), CREATED_CAUSE,
                payment.createdAt()));
        appendOutbox(created);
        attempt.ifPresent(a -> {
            ReferenceKey key = new ReferenceKey(a.projectId(), a.reference());
            AttemptState state = attempts.getOrDefault(key, AttemptState.claimed(a, payment.createdAt()));
            attempts.put(key, state.completedBy(payment.id()));
        });
        return payment;
    }

    @Override
    public synchronized TransitionOutcome record(Transition transition) {
        if (transition.inbox().isPresent() && inbox.containsKey(transition.inbox().get().eventId())) {
            return TransitionOutcome.DUPLICATE_EVENT;
        }
        if (transition.change().isPresent()) {
            StatusChange change = transition.change().get();
            Payment current = payments.get(change.after().id());
            if (current == null || current.version() != change.expectedVersion()) {
                return TransitionOutcome.STALE;
            }
            payments.put(change.after().id(), change.after());
            if (change.movesStatus()) {
                appendHistory(new StatusHistoryEntry(change.after().id(), Optional.of(current.status()),
                        change.after().status(), change.cause(), change.after().updatedAt()));
                appendOutbox(change.outgoing().orElseThrow());
            }
        }
        transition.inbox().ifPresent(entry -> inbox.put(entry.eventId(), entry));
        return TransitionOutcome.RECORDED;
    }

    private void appendHistory(StatusHistoryEntry entry) {
        histories.computeIfAbsent(entry.paymentId(), id -> new ArrayList<>()).add(entry);
    }

    // ---- for InMemoryRefunds, which holds this ledger's monitor when it calls these ----

    Payment paymentNow(PaymentId id) {
        return payments.get(id);
    }

    boolean hasDecidedNow(ProviderEventId eventId) {
        return inbox.containsKey(eventId);
    }

    void decideNow(InboxEntry entry) {
        inbox.put(entry.eventId(), entry);
    }

    void appendOutboxNow(PaymentEvent event) {
        appendOutbox(event);
    }

    private void appendOutbox(PaymentEvent event) {
        long position = nextOutboxPosition++;
        OutboxEntry entry = new OutboxEntry(position, event);
        unrelayed.put(position, entry);
        notFannedOut.put(position, entry);
    }

    @Override
    public synchronized boolean hasDecided(ProviderEventId eventId) {
        return inbox.containsKey(eventId);
    }

    @Override
    public synchronized void park(PaymentIntentChanged event, Instant receivedAt) {
        parked.putIfAbsent(event.id(), new ParkedEvent(event, receivedAt, nextParkedSequence++));
    }

    @Override
    public synchronized List<PaymentIntentChanged> parkedFor(PaymentId paymentId) {
        return parked.values().stream()
                .filter(p -> p.event().paymentId().equals(paymentId))
                .sorted(OLDEST_PARKED_FIRST)
                .map(ParkedEvent::event)
                .toList();
    }

    @Override
    public synchronized List<PaymentIntentChanged> parked(Optional<ProviderEventId> after, int limit) {
        return parked.values().stream()
                .map(ParkedEvent::event)
                .filter(event -> after.map(position -> event.id().value().compareTo(position.value()) > 0).orElse(true))
                .sorted(Comparator.comparing(event -> event.id().value()))
                .limit(limit)
                .toList();
    }

    private static final Comparator<ParkedEvent> OLDEST_PARKED_FIRST =
            Comparator.comparing(ParkedEvent::receivedAt).thenComparingLong(ParkedEvent::sequence);

    @Override
    public synchronized void unpark(ProviderEventId eventId) {
        parked.remove(eventId);
    }

    @Override
    public synchronized List<Payment> unsettledSince(Instant before, Optional<SweepPosition> after, int limit) {
        return payments.values().stream()
                .filter(p -> !p.status().isTerminal() && p.updatedAt().isBefore(before))
                .filter(p -> after.map(position -> position.isBefore(p)).orElse(true))
                .sorted(Comparator.comparing(Payment::updatedAt).thenComparing(p -> p.id().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<StatusHistoryEntry> history(PaymentId paymentId) {
        return List.copyOf(histories.getOrDefault(paymentId, List.of()));
    }

    @Override
    public synchronized PaymentPage list(ProjectId projectId, PaymentQuery query) {
        List<Payment> matching = payments.values().stream()
                .filter(p -> p.belongsTo(projectId) && query.admits(p))
                .sorted(PaymentCursor.NEWEST_FIRST)
                .limit(query.limit() + 1L)
                .toList();
        boolean hasMore = matching.size() > query.limit();
        List<Payment> page = hasMore ? matching.subList(0, query.limit()) : matching;
        Optional<PaymentCursor> next = hasMore ? Optional.of(PaymentCursor.at(page.getLast())) : Optional.empty();
        return new PaymentPage(page, hasMore, next);
    }

    @Override
    public synchronized Report report() {
        Map<ProjectId, Map<Currency, List<Payment>>> grouped = new TreeMap<>(Comparator.comparing(ProjectId::value));
        for (Payment payment : payments.values()) {
            grouped.computeIfAbsent(payment.projectId(), p -> new TreeMap<>(Comparator.comparing(Currency::code)))
                    .computeIfAbsent(payment.amount().currency(), c -> new ArrayList<>())
                    .add(payment);
        }
        List<ReportLine> lines = new ArrayList<>();
        grouped.forEach((project, byCurrency) -> byCurrency.forEach((currency, list) ->
                lines.add(lineOf(project, currency, list))));
        List<InboxEntry> mismatches = inbox.values().stream()
                .filter(e -> e.disposition() == EventDisposition.MISMATCH)
                .sorted(Comparator.comparing(InboxEntry::decidedAt))
                .toList();
        return new Report(lines, mismatches);
    }

    private ReportLine lineOf(ProjectId project, Currency currency, List<Payment> payments) {
        Map<PaymentStatus, Long> byStatus = new EnumMap<>(PaymentStatus.class);
        long gross = 0;
        long fees = 0;
        MoneyBackTotals moneyBack = MoneyBackTotals.NONE;
        for (Payment payment : payments) {
            moneyBack = moneyBack.plus(refunds.totalsOf(payment.id()));
            byStatus.merge(payment.status(), 1L, Long::sum);
            gross += payment.amount().minor();
            fees += payment.applicationFee();
        }
        return new ReportLine(project, currency, payments.size(), gross, fees, byStatus, moneyBack);
    }

    @Override
    public synchronized List<OutboxEntry> unrelayed(int limit) {
        return unrelayed.values().stream().limit(limit).toList();
    }

    /** One process, one relay: the turn is always this instance's. */
    @Override
    public boolean hasRelayTurn() {
        return true;
    }

    @Override
    public synchronized OutboxBacklog backlog() {
        return new OutboxBacklog(unrelayed.size(),
                unrelayed.values().stream().map(entry -> entry.event().time()).min(Comparator.naturalOrder()));
    }

    @Override
    public synchronized void markRelayed(List<OutboxEntry> entries) {
        entries.forEach(e -> unrelayed.remove(e.position()));
    }

    /** The oldest events outgoing webhooks have not fanned out yet, in outbox order. */
    synchronized List<OutboxEntry> notFannedOut(int limit) {
        return notFannedOut.values().stream().limit(limit).toList();
    }

    synchronized void markFannedOut(List<OutboxEntry> entries) {
        entries.forEach(e -> notFannedOut.remove(e.position()));
    }
}
