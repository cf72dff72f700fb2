import Foundation
import Testing

/// `busbar demo` through the built binary: a short accelerated evening of the demo depot.
@Suite struct DemoCommandTests {
    @Test func aShortEveningChargesBusesAndEndsWithTheDepartures() async throws {
        let result = try await BusbarBinary.run([
            "demo", "--speed", "1800", "--start", "21:30", "--hours", "3", "--report-every", "30", "--port", "0",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Busbar demo: Betriebshof Elbbrücken (Demo), 20 chargers") == true)
        #expect(lines.contains { $0.hasPrefix("  OCPP     ws://127.0.0.1:") })
        let summaries = lines.filter { $0.wholeMatch(of: /\d\d:\d\d \w+\s+site .*/) != nil }
        #expect(summaries.count >= 5)
        let charging = summaries.compactMap { $0.firstMatch(of: /charging +(\d+)/).flatMap { Int($0.1) } }
        #expect(charging.contains { $0 > 0 }, "no bus charged: \(summaries)")
        #expect(summaries.allSatisfy { $0.contains("chargers 20/20 online") || $0.hasPrefix("21:") })
        #expect(lines.contains { $0.hasPrefix("departures: ") })
        let energy = /\ \ \d+ kWh into the batteries up to their targets; hindsight optimum \d+ kWh \([\d.]+ %\) with \d+ at their minimum/
        #expect(lines.contains { $0.wholeMatch(of: energy) != nil })
        #expect(lines.contains { $0.hasPrefix("predictions: ") && $0.contains("mean absolute error") })
        #expect(lines.contains { $0.hasPrefix("runtime: ") })
    }

    @Test func invalidOptionsAreRefused() async throws {
        let result = try await BusbarBinary.run(["demo", "--speed", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--speed must be positive"))
    }
}
