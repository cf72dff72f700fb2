import DepotModel
import Foundation
import Yams

/// Reads one `config/depots/<id>.yaml` into a validated `Depot`, collecting every issue of the file.
///
/// Sections are read in dependency order (circuits and areas before chargers, tenants before
/// vehicles, vehicles and bays before the timetable), so a reference is checked where it is written.
struct DepotFileReader {
    static let topLevelKeys: Set<String> = [
        "depot", "grid", "circuits", "areas", "chargers", "tenants", "vehicles", "timetable", "reservations", "policies", "notifications",
        "vdv261",
    ]

    let log: IssueLog
    /// The folder of the depot file, against which relative paths (policies) resolve.
    let folder: URL

    var circuits: [Circuit] = []
    var areas: [Area] = []
    var chargers: [Charger] = []
    var tenants: [Tenant] = []
    var vehicles: [Vehicle] = []
    /// Bays and the area of the charger that serves them.
    var bays: [BayID: AreaID?] = [:]

    init(log: IssueLog, folder: URL) {
        self.log = log
        self.folder = folder
    }

    mutating func read(_ root: ConfigNode) -> Depot? {
        guard let top = root.mapping(keys: Self.topLevelKeys) else { return nil }
        let header = top.required("depot").flatMap(readHeader)
        let grid = top.required("grid").flatMap(readGrid)
        if let node = top.optional("circuits") { readCircuits(node, connection: grid?.connectionLimit) }
        if let node = top.optional("areas") { readAreas(node) }
        if let node = top.required("chargers") { readChargers(node, meter: grid?.meter?.charger) }
        if let grid, let meter = grid.meter, let node = top.optional("grid")?.entry("meter") {
            if !chargers.contains(where: { $0.id == meter.charger }) {
                node.report("meter charger \(meter.charger) is not among the chargers")
            }
        }
        checkFailSafeShares(grid: grid, node: top.optional("chargers") ?? root)
        if let node = top.required("tenants") { readTenants(node, connection: grid?.connectionLimit) }
        if let node = top.optional("vehicles") { readVehicles(node) }
        let timetable = top.optional("timetable").map(readTimetable) ?? []
        let reservations = top.optional("reservations").flatMap(readReservations) ?? ReservationSettings()
        let policies = top.optional("policies").flatMap(readPolicies)
        let notifications = top.optional("notifications").flatMap(readNotifications) ?? NotificationSettings()
        let vdv261 = top.optional("vdv261").flatMap(readVDV261) ?? VDV261Encodings()

        guard let header, let grid, log.issues.isEmpty else { return nil }
        return Depot(
            id: header.id, name: header.name, timeZone: header.timeZone, grid: grid, circuits: circuits, areas: areas,
            chargers: chargers, tenants: tenants, vehicles: vehicles, timetable: timetable, reservations: reservations,
            policies: policies, notifications: notifications, vdv261: vdv261
        )
    }

    private func readHeader(_ node: ConfigNode) -> (id: DepotID, name: String, timeZone: TimeZone)? {
        guard let map = node.mapping(keys: ["id", "name", "timezone"]) else { return nil }
        let id: DepotID? = map.required("id")?.identifier()
        let name = map.required("name")?.string()
        var zone: TimeZone?
        if let zoneNode = map.required("timezone"), let text = zoneNode.string() {
            zone = TimeZone(identifier: text)
            if zone == nil { zoneNode.report("unknown time zone \"\(text)\"; use an IANA name such as Europe/Berlin") }
        }
        guard let id, let name, let zone else { return nil }
        return (id, name, zone)
    }

    /// Reports a duplicate id at its second occurrence.
    func checkUnique<Owner>(_ id: Identifier<Owner>, among existing: [Identifier<Owner>], what: String, at node: ConfigNode) -> Bool {
        guard !existing.contains(id) else {
            node.report("duplicate \(what) id \(id)")
            return false
        }
        return true
    }
}
