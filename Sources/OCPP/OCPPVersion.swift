import Foundation

/// The OCPP-J generations Busbar speaks, named by their WebSocket subprotocol.
public enum OCPPVersion: String, Hashable, Sendable, CaseIterable {
    case v16 = "ocpp1.6"
    case v201 = "ocpp2.0.1"

    /// The subprotocol to echo for a station's offer (docs/ocpp.md §1 step 6): the station's configured
    /// version when offered, else 2.0.1, else 1.6; nil when nothing acceptable is offered.
    /// - Parameters:
    ///   - offered: the values of `Sec-WebSocket-Protocol`, in the station's order.
    ///   - configured: the version the depot file declares for the station, if known.
    public static func negotiate(offered: [String], configured: OCPPVersion?) -> OCPPVersion? {
        let versions = Set(offered.compactMap { OCPPVersion(rawValue: $0.trimmingCharacters(in: .whitespaces)) })
        if let configured, versions.contains(configured) { return configured }
        if versions.contains(.v201) { return .v201 }
        if versions.contains(.v16) { return .v16 }
        return nil
    }
}
