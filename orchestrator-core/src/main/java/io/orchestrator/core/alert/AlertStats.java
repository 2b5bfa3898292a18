package io.orchestrator.core.alert;

/**
 * Alerting figures for {@code stats.alerts} and {@code /metrics}. Immutable and thread-safe.
 *
 * @param rules rules in the store
 * @param pending alerts pending
 * @param firing alerts firing
 * @param notificationsSent deliveries that reached their receiver
 * @param notificationsFailed deliveries that never did: refused, out of tries, or dropped
 * @param notificationsDropped of those, the ones dropped because their queue was full
 * @param evaluations evaluations run since start
 * @param regexTrips times since start that a rule stopped matching in an evaluation because its
 *     regex proved too expensive for some subject's text (see {@code docs/query.md})
 */
public record AlertStats(
    int rules,
    int pending,
    int firing,
    long notificationsSent,
    long notificationsFailed,
    long notificationsDropped,
    long evaluations,
    long regexTrips) {}
