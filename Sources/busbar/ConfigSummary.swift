import DepotConfig
import DepotModel
import Foundation

/// A readable account of what a configuration file holds, for `busbar config check --summary`.
enum ConfigSummary {
    static func describe(_ file: CheckedFile) -> String {
        switch file.content {
        case .settings(let settings): describe(settings, path: file.path)
        case .depot(let depot): describe(depot, path: file.path)
        }
    }

    private static func describe(_ settings: BusbarSettings, path: String) -> String {
        let listeners = settings.listeners.map { "\($0.address):\($0.port)\($0.tls == nil ? "" : " (TLS)")" }
        return """
            \(path): process settings
              listen     \(listeners.joined(separator: ", "))
              database   \(settings.databasePath)
              depots     \(settings.depotPatterns.joined(separator: ", "))
              api tokens \(settings.apiTokens.count)
              retention  OCPP log \(settings.ocppLogRetentionDays) days, decisions \(settings.decisionRetentionDays) days
            """
    }

    private static func describe(_ depot: Depot, path: String) -> String {
        var lines = ["\(path): depot \(depot.id) \"\(depot.name)\" (\(depot.timeZone.identifier))"]
        let grid = depot.grid
        lines.append(
            "  grid       \(grid.connectionLimit) connection, \(grid.safetyMargin) safety margin\(grid.meter.map { ", site meter \($0.charger)" } ?? "")"
        )
        for block in grid.blocks {
            lines.append("  block      \(block.name) \(block.window) \(block.limit) at \(block.pricePerKilowattHour)/kWh")
        }
        func tree(_ parent: CircuitID?, depth: Int) {
            for circuit in depot.children(of: parent) {
                let chargers = depot.chargers.filter { $0.circuit == circuit.id }.count
                lines.append(
                    "  circuit    \(String(repeating: "  ", count: depth))\(circuit.id) \(circuit.limit)\(chargers > 0 ? ", \(chargers) chargers" : "")"
                )
                tree(circuit.id, depth: depth + 1)
            }
        }
        tree(nil, depth: 0)
        let connectors = depot.chargers.flatMap(\.connectors)
        let byVersion = Dictionary(grouping: depot.chargers, by: \.ocppVersion).sorted { $0.key.rawValue < $1.key.rawValue }
        lines.append(
            "  chargers   \(depot.chargers.count) (\(byVersion.map { "\($0.value.count) OCPP \($0.key.rawValue)" }.joined(separator: ", "))), "
                + "\(connectors.count) connectors, \(connectors.map(\.maxPower).sum()) installed")
        for area in depot.areas {
            let bays = depot.chargers.filter { $0.area == area.id }.flatMap(\.connectors).compactMap(\.bay)
            lines.append("  area       \(area.id) \"\(area.name)\": \(bays.count) bays")
        }
        for tenant in depot.tenants {
            let vehicles = depot.vehicles.filter { $0.tenant == tenant.id }
            var text = "  tenant     \(tenant.id) (\(tenant.tenantClass.rawValue), priority \(tenant.priority))"
            if !vehicles.isEmpty { text += ", \(vehicles.count) vehicles, \(vehicles.map(\.batteryCapacity).sum()) of batteries" }
            if let budget = tenant.powerBudget { text += ", guaranteed \(budget)" }
            if !tenant.areas.isEmpty { text += ", areas \(tenant.areas.map(\.rawValue).joined(separator: ", "))" }
            lines.append(text)
        }
        let entries = depot.timetable
        // Order times of a night from noon to noon, so 23:30 comes before 00:15.
        let fromNoon = { (time: TimeOfDay) in (time.minutesSinceMidnight + 12 * 60) % (24 * 60) }
        if let first = entries.map(\.arrival).min(by: { fromNoon($0) < fromNoon($1) }),
            let last = entries.map(\.departure).max(by: { fromNoon($0) < fromNoon($1) })
        {
            lines.append("  timetable  \(entries.count) daily entries, arrivals from \(first), departures until \(last)")
        }
        if let policies = depot.policies {
            let named = PolicyDomain.allCases.map { "\($0.rawValue)=\(policies.files[$0] ?? "default")" }
            lines.append("  policies   \(policies.directory): \(named.joined(separator: ", "))")
        } else {
            lines.append("  policies   built-in defaults")
        }
        lines += describe(depot.vdv261)
        return lines.joined(separator: "\n")
    }
}
