import DepotSimulator
import Testing

@Suite("Simulated battery")
struct SimulatedBatteryTests {
    @Test func socRisesWithEnergyAndRespectsTheLimit() {
        var battery = SimulatedBattery(capacityKWh: 300, maxPowerKW: 150, stateOfCharge: 20)
        let drawn = battery.charge(limitKW: 60, seconds: 3_600)
        #expect(abs(drawn - 60) < 1e-6)
        #expect(abs(battery.stateOfCharge - (20 + 60 * 0.93 / 300 * 100)) < 1e-6)
    }

    @Test func powerTapersNearFullAndStopsAtFull() {
        var battery = SimulatedBattery(capacityKWh: 100, maxPowerKW: 100, stateOfCharge: 90)
        #expect(battery.acceptedPowerKW < 100)
        _ = battery.charge(limitKW: 100, seconds: 6 * 3_600)
        #expect(battery.stateOfCharge == 100)
        #expect(battery.acceptedPowerKW == 0)
        #expect(battery.charge(limitKW: 100, seconds: 60) == 0)
    }
}
