import DepotModel
import Foundation
import PolicyEngine

/// Shared inputs for the policy engine tests: a small depot, two tenants and sessions.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15 08:00 UTC

    static var defaults: PolicyRevision {
        get throws { try PolicyRevision(folder: "policies/defaults", directory: repository.appendingPathComponent("policies/defaults")) }
    }

    static let depot = DepotView(
        id: "nord", timezone: "Europe/Berlin", grid: GridView(limitKw: 1_000, block: BlockView(name: "night", limitKw: 800, pricePerKwh: 0.21)),
        ambientC: -3)
    static let tenants = [
        TenantView(id: "stadtbus", class: .fleet, priority: 2, settings: ["strictness": .string("strict")]),
        TenantView(id: "public", class: .public, priority: 0),
    ]
    static var context: PolicyContext { PolicyContext(now: now, depot: depot, tenants: tenants) }

    static func session(_ index: Int, tenant: TenantID = "stadtbus", departureIn hours: Double? = 6) -> SessionView {
        SessionView(
            id: ChargingSessionID("s\(index)"),
            vehicle: VehicleView(id: VehicleID("bus-\(index)"), vin: "WEB\(index)", batteryKwh: 400, maxKw: 150),
            tenant: tenant, connector: ConnectorView(charger: ChargerID("C\(index / 2)"), id: index % 2 + 1, maxKw: 120),
            soc: 40, targetSoc: 90, energyNeededKwh: 200, arrival: now.addingTimeInterval(-3600),
            departure: hours.map { now.addingTimeInterval($0 * 3600) }, minutesToTarget: 100, pluggedSince: now.addingTimeInterval(-3500))
    }

    static func priorityContext(sessions count: Int) -> PriorityContext {
        PriorityContext(
            now: now, depot: depot, tenants: tenants,
            sessions: (0..<count).map { session($0, tenant: $0 % 3 == 0 ? "public" : "stadtbus", departureIn: Double($0 % 8) + 1) })
    }

    /// A revision whose priority file is `text`, plus any extra files.
    static func revision(
        priority text: String, folder: String = "policies/nord", extra: [String: String] = [:], budget: PolicyBudget = .standard
    )
        -> PolicyRevision
    {
        PolicyRevision(
            folder: folder, files: extra.merging(["priority.lua": text]) { _, new in new }, domains: [.priority: "priority.lua"], budget: budget)
    }

    /// A priority policy giving every session `tier` with `reason`.
    static func constantPriority(tier: Int, reason: String) -> String {
        """
        local M = {}
        function M.priority(ctx)
          local out = {}
          for i = 1, #ctx.sessions do out[i] = { priority = \(tier), reason = "\(reason)" } end
          return out
        end
        return M
        """
    }

    static func engine(_ revision: PolicyRevision? = nil, depot: DepotID = "nord") async throws -> PolicyEngine {
        let engine = PolicyEngine(depot: depot, defaults: try defaults)
        if let revision { try await engine.reload(revision, at: now) }
        return engine
    }
}
