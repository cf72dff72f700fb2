import DepotModel
import DepotRuntime
import Foundation

/// The depot now as the live map receives it: the runtime's snapshot (already without other
/// tenants' sessions, stays, reservations and events) cut to the chargers of the caller's layout,
/// and to the newest incidents.
struct MapSnapshot: Encodable, Sendable {
    let at: Date
    let siteLimitKw: Double
    let block: String?
    let sitePowerKw: Double
    let onlineChargers: [ChargerID]
    let connectors: [ConnectorSnapshot]
    let reservations: [Reservation]
    let stays: [TimetableEntry]
    /// Newest last.
    let incidents: [DepotIncident]

    /// How many of the newest incidents travel with each snapshot.
    static let incidentLimit = 50

    /// - Parameter chargers: the chargers the caller's layout shows.
    init(_ snapshot: DepotSnapshot, chargers: Set<ChargerID>) {
        at = snapshot.at
        siteLimitKw = snapshot.siteLimitKw
        block = snapshot.block
        sitePowerKw = snapshot.sitePowerKw
        onlineChargers = snapshot.onlineChargers.filter(chargers.contains)
        connectors = snapshot.connectors.filter { chargers.contains($0.charger) }
        reservations = snapshot.reservations.filter { chargers.contains($0.connector.charger) }
        stays = snapshot.stays
        incidents = Array(snapshot.incidents.suffix(Self.incidentLimit))
    }
}
