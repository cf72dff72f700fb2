import DepotModel
import Foundation
import PowerSolver
import Testing

@Suite("Allocator, properties over seeded random trees")
struct AllocatorPropertyTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let tolerance = 1e-6

    static func scenario(_ seed: UInt64, minima: Bool = true, stale: Double = 0) -> AllocationInput {
        AllocationScenario.make(
            sessionCount: 5 + Int(seed % 7) * 9, seed: seed, now: now, tightness: 1.2 + Double(seed % 3) * 0.4, withMinima: minima, staleShare: stale)
    }

    /// Sessions below a node (the node itself or any descendant).
    static func below(_ node: String, _ input: AllocationInput) -> [Int] {
        let parent = Dictionary(uniqueKeysWithValues: input.nodes.map { ($0.id, $0.parent) })
        return input.sessions.indices.filter { index in
            var current: String? = input.sessions[index].node
            while let name = current {
                if name == node { return true }
                current = parent[name] ?? nil
            }
            return false
        }
    }

    static func powers(_ input: AllocationInput, _ allocation: Allocation) -> [Double] {
        let byID = Dictionary(uniqueKeysWithValues: allocation.limits.map { ($0.id, $0.power.value) })
        return input.sessions.map { byID[$0.id] ?? .nan }
    }

    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func safetySemiContinuityAndCaps(seed: UInt64) throws {
        let input = Self.scenario(seed, stale: 0.2)
        let power = Self.powers(input, try Allocator().allocate(input))
        for node in input.nodes {
            let members = Self.below(node.id, input)
            let load = members.map { power[$0] }.reduce(0, +)
            #expect(load <= node.capacity.value + Self.tolerance)
            if node.meterIsStale {
                let held = members.filter { input.sessions[$0].admittedSince != nil }.map { input.sessions[$0].minimum.value }.reduce(0, +)
                #expect(load <= held + Self.tolerance)
                for member in members { #expect(power[member] == 0 || abs(power[member] - input.sessions[member].minimum.value) < Self.tolerance) }
            }
        }
        for (session, value) in zip(input.sessions, power) {
            #expect(value == 0 || value >= session.minimum.value - Self.tolerance)
            #expect(value <= session.maximum.value + Self.tolerance)
        }
    }

    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func classOrderAndWorkConservation(seed: UInt64) throws {
        let input = Self.scenario(seed)
        let allocation = try Allocator().allocate(input)
        let power = Self.powers(input, allocation)
        let provenance = Dictionary(uniqueKeysWithValues: allocation.limits.map { ($0.id, $0.provenance) })
        let load = Dictionary(uniqueKeysWithValues: input.nodes.map { node in (node.id, Self.below(node.id, input).map { power[$0] }.reduce(0, +)) })
        let capacity = Dictionary(uniqueKeysWithValues: input.nodes.map { ($0.id, $0.capacity.value) })
        for (index, session) in input.sessions.enumerated() {
            let goal = min(session.target?.value ?? .infinity, session.maximum.value)
            guard power[index] < goal - Self.tolerance else { continue }
            switch provenance[session.id] {
            case .frozen(let node):
                #expect(capacity[node]! - load[node]! < Self.tolerance, "work conservation: \(node) has slack")
                for other in Self.below(node, input) where Self.comesAfter(input.sessions[other], session) {
                    #expect(power[other] == 0, "class order: a later class above 0 under \(node)")
                }
            case .notAdmitted(let node):
                let lower = Self.below(node, input).filter { Self.comesAfter(input.sessions[$0], session) }.map { power[$0] }.reduce(0, +)
                #expect(lower < session.minimum.value, "class order: lower tiers took the room of a minimum at \(node)")
                #expect(capacity[node]! - load[node]! < session.minimum.value)
            default:
                Issue.record("session below its target without a node to blame: \(String(describing: provenance[session.id]))")
            }
        }
    }

    /// Whether `other` is served after `session` up to its plan power: public after the fleet,
    /// and by tier within each.
    static func comesAfter(_ other: AllocationSession, _ session: AllocationSession) -> Bool {
        let otherIsPublic = other.need == .publicCharging
        let sessionIsPublic = session.need == .publicCharging
        return otherIsPublic != sessionIsPublic ? otherIsPublic : other.tier < session.tier
    }

    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func independentOfInputOrder(seed: UInt64) throws {
        let input = Self.scenario(seed, stale: 0.1)
        var random = SplitMix64(seed: seed &+ 99)
        let shuffled = AllocationInput(
            now: input.now, nodes: input.nodes.shuffled(using: &random), sessions: input.sessions.shuffled(using: &random),
            envelope: input.envelope, tenantBudgets: input.tenantBudgets)
        #expect(try Allocator().allocate(input) == Allocator().allocate(shuffled))
    }

    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func lowerSiteLimitNeverRaisesAnAllocationWithoutMinima(seed: UInt64) throws {
        let input = Self.scenario(seed, minima: false)
        let before = Self.powers(input, try Allocator().allocate(input))
        let lowered = AllocationInput(
            now: input.now,
            nodes: input.nodes.map { node in
                node.parent == nil ? AllocationNode(id: node.id, parent: nil, capacity: node.capacity * 0.7) : node
            },
            sessions: input.sessions)
        let after = Self.powers(lowered, try Allocator().allocate(lowered))
        for (old, new) in zip(before, after) { #expect(new <= old + Self.tolerance) }
    }

    /// Textbook progressive filling: all unfrozen sessions rise by the largest common increment,
    /// then the saturated ones freeze; one class, no minima, no plan targets.
    static func referenceFilling(_ input: AllocationInput) -> [Double] {
        let members = input.nodes.map { below($0.id, input) }
        var room = input.nodes.map(\.capacity.value)
        var power = Array(repeating: 0.0, count: input.sessions.count)
        var active = Array(input.sessions.indices)
        let cap = { (index: Int) in min(input.sessions[index].target?.value ?? .infinity, input.sessions[index].maximum.value) }
        while !active.isEmpty {
            let users = members.map { $0.filter { active.contains($0) }.count }
            var step = active.map { cap($0) - power[$0] }.min() ?? 0
            for node in room.indices where users[node] > 0 { step = min(step, room[node] / Double(users[node])) }
            for index in active { power[index] += step }
            for node in room.indices { room[node] -= step * Double(users[node]) }
            active = active.filter { index in
                power[index] < cap(index) - 1e-12 && members.indices.allSatisfy { !members[$0].contains(index) || room[$0] > 1e-12 }
            }
        }
        return power
    }

    @Test(arguments: 1...10 as ClosedRange<UInt64>)
    func maxMinFairWithinAClass(seed: UInt64) throws {
        let base = Self.scenario(seed, minima: false)
        let input = AllocationInput(
            now: base.now, nodes: base.nodes,
            sessions: base.sessions.map { session in
                AllocationSession(
                    id: session.id, node: session.node, maximum: session.maximum, laxity: session.laxity,
                    departure: session.departure, need: .fleetBelowTarget)
            })
        let power = Self.powers(input, try Allocator().allocate(input))
        for (value, reference) in zip(power, Self.referenceFilling(input)) {
            #expect(abs(value - reference) <= 1e-9 * max(1, reference))
        }
    }

    @Test(arguments: 1...10 as ClosedRange<UInt64>)
    func tenantGetsItsGuaranteeWhenTheTreeAllows(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let budget = random.uniform(20, 80)
        let sessions = (0..<12).map { index in
            AllocatorTests.session(
                index, maximum: Kilowatts(random.uniform(10, 60)), target: random.unit() < 0.5 ? Kilowatts(random.uniform(5, 40)) : nil,
                tier: index < 6 ? 3 : 0, laxity: random.uniform(0, 5), tenant: index < 6 ? nil : "city")
        }
        let input = AllocationInput(
            now: Self.now, nodes: [AllocationNode(id: "site", parent: nil, capacity: 120)], sessions: sessions,
            tenantBudgets: ["city": Kilowatts(budget)])
        let power = Self.powers(input, try Allocator().allocate(input))
        let demand = sessions.filter { $0.tenant != nil }.map { min($0.target?.value ?? .infinity, $0.maximum.value) }.reduce(0, +)
        let received = zip(sessions, power).filter { $0.0.tenant != nil }.map(\.1).reduce(0, +)
        #expect(received >= min(demand, budget) - Self.tolerance)
    }
}
