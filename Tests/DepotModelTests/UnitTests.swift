import DepotModel
import Testing

@Suite("Units")
struct UnitTests {
    @Test func powerTimesDurationIsEnergy() {
        let energy: KilowattHours = Kilowatts(150) * Duration.seconds(30 * 60)
        #expect(energy == KilowattHours(75))
    }

    @Test func energyOverDurationIsPower() {
        #expect(KilowattHours(90) / Duration.seconds(3 * 3600) == Kilowatts(30))
    }

    @Test func acPowerAndCurrentConvertBothWays() {
        let power = Kilowatts(current: Amperes(32), voltage: .nominalLineToNeutral, phases: 3)
        #expect(abs(power.value - 22.08) < 1e-9)
        let current = Amperes(power: power, voltage: .nominalLineToNeutral, phases: 3)
        #expect(abs(current.value - 32) < 1e-9)
    }

    @Test func sameUnitArithmeticAndRatios() {
        let total = [Kilowatts(100), Kilowatts(50), Kilowatts(25)].sum()
        #expect(total == 175)
        #expect(Kilowatts(50) / Kilowatts(200) == 0.25)
        #expect(Percent(40).of(KilowattHours(350)) == KilowattHours(140))
        #expect(KilowattHours(70).stateOfChargeShare(of: 350) == Percent(20))
    }

    @Test func descriptionsCarryTheUnit() {
        #expect(Kilowatts(150).description == "150 kW")
        #expect(KilowattHours(12.5).description == "12.5 kWh")
        #expect(Percent(80).description == "80 %")
    }

    @Test func percentClamping() {
        #expect(Percent(120).clampedToShare == 100)
        #expect(!Percent(-1).isValidShare)
    }
}
