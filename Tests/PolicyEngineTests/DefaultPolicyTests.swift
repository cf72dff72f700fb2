import DepotModel
import Foundation
import PolicyEngine
import Testing

@Suite("Built-in default policies")
struct DefaultPolicyTests {
    @Test func defaultsCompileAndPassTheShapeCheck() throws {
        #expect(PolicyEngine.check(try Fixtures.defaults) == nil)
    }

    @Test func priorityRanksFleetAbovePublicAndSoonDeparturesHighest() async throws {
        let engine = try await Fixtures.engine()
        let context = PriorityContext(
            now: Fixtures.now, depot: Fixtures.depot, tenants: Fixtures.tenants,
            sessions: [
                Fixtures.session(0, tenant: "public"), Fixtures.session(1, departureIn: 8), Fixtures.session(2, departureIn: 2),
                Fixtures.session(3, departureIn: nil),
            ])
        let outcome = await engine.priority(context)
        #expect(outcome.value.map(\.tier) == [1, 2, 3, 2])
        #expect(outcome.record.decidedBy == .defaultPolicy)
        #expect(outcome.record.error == nil)
    }

    @Test func preconditioningStartsBeforeDepartureByTheLargerNeedPlusTenMinutes() async throws {
        let engine = try await Fixtures.engine()
        let departure = Fixtures.now.addingTimeInterval(3 * 3600)
        let view = PreconditioningVehicleView(
            vehicle: VehicleView(id: "bus-1", batteryKwh: 400, maxKw: 150), departure: departure, batReqtime: 1200, precReqtime: 1800)
        let plan = try #require(await engine.preconditioning(Fixtures.context, vehicle: view).value)
        #expect(plan.start == departure.addingTimeInterval(-1800 - 600))
        #expect(plan.finish == departure)
        #expect(plan.mode == .hotWaterAndHeating)
        #expect(plan.battery)
    }

    @Test(arguments: [nil, 1800.0])
    func preconditioningKeepsTheWindowTheTimetableRequests(finishBeforeDeparture: Double?) async throws {
        let engine = try await Fixtures.engine()
        let departure = Fixtures.now.addingTimeInterval(3 * 3600)
        let start = departure.addingTimeInterval(-3600)
        let view = PreconditioningVehicleView(
            vehicle: VehicleView(id: "bus-1", batteryKwh: 400, maxKw: 150), departure: departure, requestedMode: .warmWaterAndVentilation,
            requestedStart: start, requestedFinish: finishBeforeDeparture.map { departure.addingTimeInterval(-$0) }, precReqtime: 600)
        let plan = try #require(await engine.preconditioning(Fixtures.context, vehicle: view).value)
        #expect(plan.start == start)
        #expect(plan.finish == departure.addingTimeInterval(-(finishBeforeDeparture ?? 0)))
        #expect(plan.mode == .warmWaterAndVentilation && !plan.battery)
        #expect(plan.reason == "requested by the timetable")
    }

    @Test func preconditioningWithoutRequestOrNeedIsNone() async throws {
        let engine = try await Fixtures.engine()
        let view = PreconditioningVehicleView(
            vehicle: VehicleView(id: "bus-1", batteryKwh: 400, maxKw: 150), departure: Fixtures.now.addingTimeInterval(3 * 3600))
        #expect(await engine.preconditioning(Fixtures.context, vehicle: view).value == nil)
    }

    @Test func escalationRemindsAfterDepartureAndSetsReminders() async throws {
        let engine = try await Fixtures.engine()
        #expect(await engine.settings(for: .escalation)["departure_reminders"] == .list([.number(-900), .number(0), .number(600)]))
        let before = await engine.escalation(
            Fixtures.context, event: OperationalEvent(kind: .departureReminder, at: Fixtures.now, vehicle: "bus-1", offsetS: -900))
        #expect(before.value.isEmpty)
        let fault = await engine.escalation(Fixtures.context, event: OperationalEvent(kind: .fault, at: Fixtures.now, charger: "C1"))
        #expect(fault.value.map(\.channel) == [.email, .sms])
        #expect(fault.value.last?.repeatS == 900)
    }

    @Test(arguments: EnforcementEvent.Kind.allCases)
    func enforcementIsSoft(kind: EnforcementEvent.Kind) async throws {
        let outcome = await (try await Fixtures.engine()).enforcement(Fixtures.context, event: EnforcementEvent(kind: kind))
        #expect([.warn, .hold].contains(outcome.value.action))
        #expect(outcome.record.error == nil)
    }
}
