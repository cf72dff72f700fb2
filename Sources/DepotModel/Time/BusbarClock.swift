public import Foundation

/// The injected source of calendar time and sleeping (docs/conventions.md §10).
///
/// Production uses the system clock; tests and `busbar demo` use a manual or accelerated clock so
/// that a whole night runs in seconds and dry runs replay recorded history exactly.
public protocol BusbarClock: Sendable {
    /// The current instant (UTC).
    func now() -> Date
    /// Suspends until the clock has reached `deadline`, or throws `CancellationError`.
    func sleep(until deadline: Date) async throws
}

extension BusbarClock {
    /// Suspends for a span of this clock's time.
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: now().addingTimeInterval(duration.secondsValue))
    }
}
