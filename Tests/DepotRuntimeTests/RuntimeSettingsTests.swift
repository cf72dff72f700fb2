import DepotModel
import DepotRuntime
import PowerSolver
import Testing

/// The night plan's preferences the runtime plans a depot with.
@Suite struct RuntimeSettingsTests {
    @Test func aDepotsPeakToleranceReplacesTheDefaultsAndKeepsReadinessFirst() {
        let settings = RuntimeSettings()
        let grid = GridConnection(connectionLimit: 1000, peakTolerance: 0.1)
        #expect(settings.planningPreferences(for: grid) == PlanningPreferences(readinessFirst: true, peakTolerance: 0.1))
    }

    @Test func withoutOneTheDefaultsHold() {
        let settings = RuntimeSettings()
        #expect(settings.planningPreferences(for: GridConnection(connectionLimit: 1000)) == .depotDefault)
    }

    @Test func pureStagesStayPureWhateverTheDepotSays() {
        let settings = RuntimeSettings(planningPreferences: nil)
        #expect(settings.planningPreferences(for: GridConnection(connectionLimit: 1000, peakTolerance: 0.1)) == nil)
    }
}
