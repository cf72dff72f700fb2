public import Foundation

/// The result of trying an outbox entry once, as `BusbarStore.recordDeliveryAttempt` records it.
public enum DeliveryOutcome: Sendable, Hashable {
    case sent
    /// A transient error: try again at the given instant.
    case retry(at: Date, error: String)
    /// A permanent error, or the entry is too old to keep trying: give up and keep the error.
    case failed(error: String)
}
