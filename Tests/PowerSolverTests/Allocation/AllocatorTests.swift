import DepotModel
import Foundation
import PowerSolver
import Testing

@Suite("Allocator, hand-checked ticks")
struct AllocatorTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func session(
        _ number: Int, node: String = "site", minimum: Kilowatts = 0, maximum: Kilowatts = 150, target: Kilowatts? = nil,
        tier: Int = 0, laxity: Double = 2, step: Kilowatts = 0, tenant: TenantID? = nil, admittedSince: Date? = nil,
        need: ChargingNeed = .fleetBelowTarget
    ) -> AllocationSession {
        AllocationSession(
            id: ConnectorAddress(charger: ChargerID("CP\(number)"), connector: 1), node: node, minimum: minimum, maximum: maximum,
            target: target, tier: tier, laxity: laxity, departure: now.addingTimeInterval(3_600 * laxity), step: step,
            tenant: tenant, admittedSince: admittedSince, need: need)
    }

    static func powers(_ allocation: Allocation) -> [Double] { allocation.limits.map { ($0.power.value * 1e6).rounded() / 1e6 } }

    @Test func equalSharesUnderACabinetAndTheRestToTheOthers() throws {
        let input = AllocationInput(
            now: Self.now,
            nodes: [AllocationNode(id: "site", parent: nil, capacity: 200), AllocationNode(id: "hall-b", parent: "site", capacity: 60)],
            sessions: [Self.session(1, node: "hall-b"), Self.session(2, node: "hall-b"), Self.session(3)])
        let allocation = try Allocator().allocate(input)
        #expect(Self.powers(allocation) == [30, 30, 140])
        #expect(allocation.limits.map(\.provenance) == [.frozen(node: "hall-b"), .frozen(node: "hall-b"), .frozen(node: "site")])
    }

    @Test func higherTierFirstThenTargetsThenSurplusWithinTheEnvelopeForBusesAtTarget() throws {
        let nodes = [AllocationNode(id: "site", parent: nil, capacity: 200)]
        let sessions = [
            Self.session(1, target: 50, tier: 2, need: .fleetAtTarget), Self.session(2, target: 120, tier: 1, need: .fleetAtTarget),
            Self.session(3, target: 10, tier: 1, need: .fleetAtTarget),
        ]
        let physical = try Allocator().allocate(AllocationInput(now: Self.now, nodes: nodes, sessions: sessions))
        #expect(Self.powers(physical) == [70, 120, 10])
        let planned = try Allocator().allocate(AllocationInput(now: Self.now, nodes: nodes, sessions: sessions, envelope: 190))
        #expect(Self.powers(planned) == [60, 120, 10])
        #expect(planned.limits.map(\.provenance) == [.envelope, .envelope, .envelope])
        // Buses below target are not bound by the envelope: the plan orders, it does not cap.
        let below = sessions.map { Self.session(Int($0.id.charger.rawValue.dropFirst(2))!, target: $0.target, tier: $0.tier) }
        let conserving = try Allocator().allocate(AllocationInput(now: Self.now, nodes: nodes, sessions: below, envelope: 190))
        #expect(Self.powers(conserving) == [70, 120, 10])
        #expect(conserving.limits.map(\.provenance) == [.frozen(node: "site"), .frozen(node: "site"), .frozen(node: "site")])
    }

    @Test func admissionByLeastLaxityAndHeldForFiveMinutes() throws {
        let nodes = [AllocationNode(id: "site", parent: nil, capacity: 25)]
        let fresh = [Self.session(1, minimum: 11, laxity: 3), Self.session(2, minimum: 11, laxity: 1), Self.session(3, minimum: 11, laxity: 2)]
        let first = try Allocator().allocate(AllocationInput(now: Self.now, nodes: nodes, sessions: fresh))
        #expect(Self.powers(first) == [0, 12.5, 12.5])
        #expect(first.limits[0].provenance == .notAdmitted(node: "site"))
        #expect(first.limits.map(\.admittedSince) == [nil, Self.now, Self.now])

        let earlier = Self.now.addingTimeInterval(-120)
        let held = [
            Self.session(1, minimum: 11, laxity: 0.5, admittedSince: earlier), Self.session(2, minimum: 11, laxity: 1),
            Self.session(3, minimum: 11, laxity: 2, admittedSince: earlier),
        ]
        let second = try Allocator().allocate(AllocationInput(now: Self.now, nodes: nodes, sessions: held))
        #expect(Self.powers(second) == [12.5, 0, 12.5])
        #expect(second.limits.map(\.admittedSince) == [earlier, nil, earlier])

        let expired = held.map { session in
            Self.session(
                Int(session.id.charger.rawValue.dropFirst(2)) ?? 0, minimum: 11, laxity: session.laxity,
                admittedSince: session.admittedSince?.addingTimeInterval(-600))
        }
        let third = try Allocator().allocate(AllocationInput(now: Self.now, nodes: nodes, sessions: expired))
        #expect(Self.powers(third) == [12.5, 12.5, 0])
    }

    @Test func staleMeterShedsToAdmittedMinima() throws {
        let nodes = [
            AllocationNode(id: "site", parent: nil, capacity: 300),
            AllocationNode(id: "hall-b", parent: "site", capacity: 100, meterIsStale: true),
        ]
        let sessions = [
            Self.session(1, node: "hall-b", minimum: 8, admittedSince: Self.now.addingTimeInterval(-30)),
            Self.session(2, node: "hall-b", minimum: 8), Self.session(3, node: "hall-b"),
        ]
        let allocation = try Allocator().allocate(AllocationInput(now: Self.now, nodes: nodes, sessions: sessions))
        #expect(Self.powers(allocation) == [8, 0, 0])
        #expect(allocation.limits.map(\.provenance) == [.staleMeter(node: "hall-b"), .staleMeter(node: "hall-b"), .staleMeter(node: "hall-b")])
    }

    @Test func roundsDownToStepsAndHandsTheRemainderOutOnce() throws {
        let nodes = [AllocationNode(id: "site", parent: nil, capacity: 100)]
        let sessions = [Self.session(1, step: 7), Self.session(2, step: 7), Self.session(3, step: 7)]
        let allocation = try Allocator().allocate(AllocationInput(now: Self.now, nodes: nodes, sessions: sessions))
        // 33.3 each rounds to 28 (freeing 16); one more step goes to each of the first two.
        #expect(Self.powers(allocation) == [35, 35, 28])
    }

    @Test func tenantGuaranteeComesBeforeClasses() throws {
        let nodes = [AllocationNode(id: "site", parent: nil, capacity: 100)]
        let sessions = [Self.session(1, tier: 5), Self.session(2, tier: 0, tenant: "city")]
        let allocation = try Allocator().allocate(
            AllocationInput(now: Self.now, nodes: nodes, sessions: sessions, tenantBudgets: ["city": 30]))
        #expect(Self.powers(allocation) == [70, 30])
    }

    @Test func malformedTicksThrow() {
        let site = AllocationNode(id: "site", parent: nil, capacity: 100)
        #expect(throws: AllocatorError.duplicateNode("site")) {
            try Allocator().allocate(AllocationInput(now: Self.now, nodes: [site, site], sessions: []))
        }
        #expect(throws: AllocatorError.unknownNode("hall-z")) {
            try Allocator().allocate(AllocationInput(now: Self.now, nodes: [site], sessions: [Self.session(1, node: "hall-z")]))
        }
        #expect(throws: AllocatorError.duplicateSession(Self.session(1).id)) {
            try Allocator().allocate(AllocationInput(now: Self.now, nodes: [site], sessions: [Self.session(1), Self.session(1)]))
        }
    }

    @Test func significanceFilterSendsDecreasesAndLargeIncreases() {
        let filter = LimitChangeFilter()
        #expect(filter.isSignificant(from: nil, to: 10))
        #expect(filter.isSignificant(from: 100, to: 99.9))
        #expect(!filter.isSignificant(from: 100, to: 100.9))
        #expect(filter.isSignificant(from: 100, to: 106))
        #expect(filter.isSignificant(from: 10, to: 11.5))
        #expect(!filter.isSignificant(from: 10, to: 10))
        let allocation = Allocation(limits: [
            SessionLimit(id: Self.session(1).id, power: 50, provenance: .target, admittedSince: nil),
            SessionLimit(id: Self.session(2).id, power: 30.5, provenance: .target, admittedSince: nil),
        ])
        #expect(filter.changes(from: [Self.session(1).id: 40, Self.session(2).id: 30], to: allocation).map(\.id) == [Self.session(1).id])
    }
}
