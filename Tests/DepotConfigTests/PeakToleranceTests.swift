import DepotConfig
import DepotModel
import Testing

/// `grid.peak_tolerance_percent`: how far the night plan may pass its least peak to charge earlier.
@Suite struct PeakToleranceTests {
    @Test func aToleranceInPercentBecomesAFraction() throws {
        let yaml = LoaderHarness.minimal(replacing: "  connection_kw: 1000", with: "  connection_kw: 1000\n  peak_tolerance_percent: 10")
        let depot = try LoaderHarness.load(yaml).get()
        #expect(depot.grid.peakTolerance == 0.1)
    }

    @Test func withoutTheKeyThereIsNoTolerance() throws {
        #expect(try LoaderHarness.load(LoaderHarness.minimal).get().grid.peakTolerance == nil)
    }

    @Test(arguments: ["-5", "120", "ten"])
    func aToleranceOutsideZeroToHundredIsLocated(value: String) {
        let yaml = LoaderHarness.minimal(replacing: "  connection_kw: 1000", with: "  connection_kw: 1000\n  peak_tolerance_percent: \(value)")
        let issues = LoaderHarness.issues(yaml)
        #expect(issues.map(\.keyPath) == ["grid.peak_tolerance_percent"], "\(issues)")
        #expect(issues.first?.line == 7)
    }
}
