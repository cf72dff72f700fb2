import Foundation

/// Instants used across the tables, named after the A8 examples of docs/vdv.md.
enum Instant {
    /// 2026-03-09T04:50:00Z, the BootNotification of A8.
    static let boot = Date(timeIntervalSince1970: 1_773_031_800)
    /// 2026-03-09T22:30:15Z, the PCI of A8.
    static let evening = Date(timeIntervalSince1970: 1_773_095_415)
    /// 2026-03-10T05:05:00Z, the departure of A8.
    static let departure = Date(timeIntervalSince1970: 1_773_119_100)

    /// `seconds` after `boot`.
    static func bootPlus(_ seconds: Double) -> Date {
        boot.addingTimeInterval(seconds)
    }
}
