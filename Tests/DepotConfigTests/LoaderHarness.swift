import DepotConfig
import DepotModel
import Foundation

/// Loads depot YAML held in a test and returns the depot or the issues.
enum LoaderHarness {
    /// A small valid depot that tests change one thing in.
    static let minimal = """
        depot:
          id: test
          name: Test Depot
          timezone: Europe/Berlin
        grid:
          connection_kw: 1000
        circuits:
          - id: hall
            limit_kw: 800
            children:
              - { id: cab-1, limit_kw: 400 }
        areas:
          - { id: hall, name: Halle }
        chargers:
          - id: C1
            ocpp: "1.6"
            password_env: C1_PASSWORD
            circuit: cab-1
            area: hall
            connectors:
              - { id: 1, bay: B1, max_kw: 150, min_kw: 10 }
        tenants:
          - { id: fleet, class: fleet, priority: 100, areas: [hall] }
          - { id: public, class: public, priority: 10 }
        vehicles:
          - { id: bus-1, tenant: fleet, battery_kwh: 350, max_kw: 150, id_tokens: ["AA11"] }
        timetable:
          - { vehicle: bus-1, arrival: "22:00", departure: "05:30", target_soc: 90, bay: B1 }

        """

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func load(_ yaml: String) -> Result<Depot, ConfigCheckFailure> {
        do {
            return .success(try DepotFileLoader.load(yaml: yaml, file: "test.yaml", folder: repositoryRoot))
        } catch {
            return .failure(error)
        }
    }

    static func issues(_ yaml: String) -> [ConfigIssue] {
        if case .failure(let failure) = load(yaml) { return failure.issues }
        return []
    }

    /// The minimal depot with one text replaced (the replacement must apply).
    static func minimal(replacing old: String, with new: String) -> String {
        precondition(minimal.contains(old), "fixture text not found: \(old)")
        return minimal.replacingOccurrences(of: old, with: new)
    }
}
