import Foundation

/// The three profiles Busbar installs (docs/ocpp.md §13.1), each with a fixed id per connector so a
/// new profile replaces the old one in place.
public enum ProfilePurpose: Int, Hashable, Sendable, CaseIterable {
    /// ChargePointMaxProfile / ChargingStationMaxProfile at connector 0: the physical share.
    case stationMaximum = 1
    /// TxDefaultProfile at connector 0: the fail-safe share.
    case failSafeDefault = 2
    /// TxProfile on the connector: the allocator's limit, then the fail-safe share.
    case session = 3

    /// `1_000_000 + 10·connector + purposeCode`.
    public func profileId(connector: Int) -> Int {
        1_000_000 + 10 * connector + rawValue
    }
}
