import DepotModel
import Foundation
import PowerSolver
import Testing

@Suite("Instance generator")
struct InstanceGeneratorTests {
    @Test func splitMixIsTheReferenceSequence() {
        // First outputs of SplitMix64 seeded with 0 (Vigna's reference implementation).
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func sameSpecSameInstanceOtherSeedOtherInstance() throws {
        let spec = InstanceSpec(family: .tiers, vehicles: 20, slotMinutes: 15, theta: 0.9, seed: 3)
        let first = try InstanceGenerator.make(spec)
        #expect(try InstanceGenerator.make(spec) == first)
        let other = try InstanceGenerator.make(InstanceSpec(family: .tiers, vehicles: 20, slotMinutes: 15, theta: 0.9, seed: 4))
        #expect(other.problem.vehicles != first.problem.vehicles)
    }

    @Test(arguments: InstanceFamily.allCases)
    func familiesHaveTheirFeature(family: InstanceFamily) throws {
        let instance = try InstanceGenerator.make(InstanceSpec(family: family, vehicles: 50, slotMinutes: 15, theta: 1.0, seed: 1))
        let problem = instance.problem
        #expect(problem.grid.count == 64)
        #expect(problem.vehicles.count == 50)
        for vehicle in problem.vehicles {
            #expect(vehicle.arrival >= InstanceGenerator.nightStart.addingTimeInterval(1_800))
            #expect(vehicle.departure <= InstanceGenerator.nightStart.addingTimeInterval(15.5 * 3_600))
            #expect(vehicle.maxPower.value <= vehicle.capacity.value / 2)
        }
        #expect(problem.nodes.count == (family == .tree ? 13 : 1))
        #expect(problem.tariff.reservedCapacity.isEmpty == (family != .reserved))
        #expect(problem.vehicles.contains { !$0.powerCurve.isEmpty } == (family == .taper))
        #expect(problem.vehicles.contains { $0.preconditioning != nil } == (family == .precond))
        #expect(problem.vehicles.contains { $0.tier > 0 } == (family == .tiers))
        #expect(problem.tenantBudgets.isEmpty == (family != .tenants))
        #expect(problem.vehicles.contains { $0.tenant != nil } == (family == .tenants))
    }

    @Test func familiesShareTheBaseBuses() throws {
        let base = try InstanceGenerator.make(InstanceSpec(family: .base, vehicles: 30, slotMinutes: 15, theta: 1.0, seed: 2))
        for family in InstanceFamily.allCases {
            let other = try InstanceGenerator.make(InstanceSpec(family: family, vehicles: 30, slotMinutes: 15, theta: 1.0, seed: 2))
            #expect(other.problem.vehicles.map(\.arrival) == base.problem.vehicles.map(\.arrival))
            #expect(other.problem.vehicles.map(\.capacity) == base.problem.vehicles.map(\.capacity))
            #expect(other.problem.vehicles.map(\.maxPower) == base.problem.vehicles.map(\.maxPower))
        }
    }

    /// docs/solver.md §7 scale check: N = 100 needs about 26.4 MWh with a free peak near 2.6 MW.
    @Test func scaleMatchesTheDesign() throws {
        let instance = try InstanceGenerator.make(InstanceSpec(family: .base, vehicles: 100, slotMinutes: 15, theta: 1.0, seed: 1))
        let need = instance.problem.vehicles.map(\.wantedEnergy.value).reduce(0, +)
        #expect((20_000...33_000).contains(need))
        #expect((2_000...3_300).contains(instance.freePeak.value))
    }
}
