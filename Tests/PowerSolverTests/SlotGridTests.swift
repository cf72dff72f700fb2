import DepotModel
import Foundation
import PowerSolver
import Testing

@Suite("Slot grid")
struct SlotGridTests {
    @Test func alignsToSlotLengthAndMeasuresPartialCoverage() {
        let start = Date(timeIntervalSince1970: 1_000 * 900 + 120)  // 2 minutes into a slot
        let grid = SlotGrid(covering: start, to: start.addingTimeInterval(3_600), slotLength: .minutes(15))
        #expect(grid.start == Date(timeIntervalSince1970: 1_000 * 900))
        #expect(grid.count == 5)
        #expect(grid.slot(containing: start) == 0)
        #expect(abs(grid.coverage(of: 0, by: start..<start.addingTimeInterval(3_600)) - 13.0 / 15.0) < 1e-12)
        #expect(grid.coverage(of: 2, by: start..<start.addingTimeInterval(3_600)) == 1)
        #expect(grid.slot(containing: start.addingTimeInterval(-3_600)) == nil)
    }
}
