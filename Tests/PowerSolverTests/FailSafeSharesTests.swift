import DepotConfig
import DepotModel
import Foundation
import PowerSolver
import Testing

@Suite("Fail-safe shares")
struct FailSafeSharesTests {
    let depot = Depot(
        id: "d", name: "D", timeZone: .gmt,
        grid: GridConnection(
            connectionLimit: 1000, safetyMargin: 50,
            blocks: [
                TimeBlock(
                    name: "night", window: DailyWindow(from: TimeOfDay("22:00")!, to: TimeOfDay("06:00")!), limit: 1000, pricePerKilowattHour: 0.1),
                TimeBlock(
                    name: "day", window: DailyWindow(from: TimeOfDay("06:00")!, to: TimeOfDay("22:00")!), limit: 650, pricePerKilowattHour: 0.3),
            ]),
        circuits: [Circuit(id: "hall", parent: nil, limit: 500, baseLoad: 20), Circuit(id: "cab", parent: "hall", limit: 200)],
        chargers: [
            Charger(id: "C1", ocppVersion: .v16, circuit: "cab", connectors: [Connector(number: 1, maxPower: 150)]),
            Charger(id: "C2", ocppVersion: .v16, circuit: "cab", connectors: [Connector(number: 1, maxPower: 150)]),
            Charger(id: "C3", ocppVersion: .v16, circuit: "hall", connectors: [Connector(number: 1, maxPower: 150)], failSafePower: 100),
            Charger(id: "C4", ocppVersion: .v16, circuit: "hall", connectors: [Connector(number: 1, maxPower: 50)]),
            Charger(id: "Y1", ocppVersion: .v16, connectors: [Connector(number: 1, maxPower: 300)]),
        ])

    @Test func sharesSplitEachNodesHeadroomAndKeepExplicitOnes() {
        let shares = FailSafeShares.shares(for: depot)
        // Site: lowest block 650 − margin 50 = 600, minus C3's explicit 100, over 4 → 125.
        // Hall: 500 − 20 − 100 = 380 over 3 → 126.7; cab: 200 over 2 → 100.
        #expect(shares["C1"] == 100 && shares["C2"] == 100)
        #expect(shares["C3"] == 100)
        #expect(shares["C4"] == 50)  // its connectors cannot draw more
        #expect(shares["Y1"] == 125)
    }

    @Test(arguments: ["demo.yaml", "nord.yaml"])
    func noNodeIsOverloadedWhenEveryChargerFallsBack(file: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let depot = try DepotFileLoader.load(path: root.appendingPathComponent("config/depots/\(file)").path)
        let shares = FailSafeShares.shares(for: depot)
        for circuit in depot.circuits {
            let total = depot.chargers(under: circuit.id).map { shares[$0.id]! }.sum()
            #expect(total <= circuit.limit - circuit.baseLoad + 1e-9, "circuit \(circuit.id)")
        }
        let siteLimit = (depot.grid.blocks.map(\.limit) + [depot.grid.connectionLimit]).min()! - depot.grid.safetyMargin
        #expect(shares.values.sum() <= siteLimit + 1e-9)
        #expect(shares.values.allSatisfy { $0 >= .zero })
    }
}
