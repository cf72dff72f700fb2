import DepotModel
import Foundation

/// The working state of one allocator tick: remaining room per node, power and reason per session.
struct AllocationState {
    /// Room below this (kW) counts as none; it absorbs floating-point dust.
    static let dust = 1e-9

    let now: Date
    let hold: Double
    let nodes: [AllocationNode]
    let sessions: [AllocationSession]
    /// Per session, its node and that node's ancestors up to the site.
    let chains: [[Int]]
    /// Per node, the sessions below it.
    let below: [[Int]]
    /// Session indices in allocation order within a class: laxity, departure, id.
    let order: [Int]
    /// Tiers present, highest first.
    let tiers: [Int]
    var room: [Double]
    var power: [Double]
    var admitted: [Bool]
    var provenance: [LimitProvenance]
    /// Sessions under a stale meter: minimum or nothing.
    var shedding: [Bool]

    init(_ input: AllocationInput, admissionHold: Double) throws {
        now = input.now
        hold = admissionHold
        nodes = input.nodes.sorted { $0.id < $1.id }
        sessions = input.sessions.sorted { $0.id < $1.id }
        var index: [String: Int] = [:]
        for (position, node) in nodes.enumerated() {
            guard index.updateValue(position, forKey: node.id) == nil else { throw AllocatorError.duplicateNode(node.id) }
        }
        for (first, second) in zip(sessions, sessions.dropFirst()) where first.id == second.id {
            throw AllocatorError.duplicateSession(first.id)
        }
        let roots = nodes.filter { $0.parent == nil }.map(\.id)
        guard !roots.isEmpty else { throw AllocatorError.noSiteNode }
        guard roots.count == 1 else { throw AllocatorError.severalSiteNodes(roots) }
        let parents = try nodes.map { node -> Int in
            guard let parent = node.parent else { return -1 }
            guard let parentIndex = index[parent] else { throw AllocatorError.unknownNode(parent) }
            return parentIndex
        }
        chains = try sessions.map { session in
            guard var current = index[session.node] else { throw AllocatorError.unknownNode(session.node) }
            var chain: [Int] = []
            while current >= 0 {
                guard chain.count <= parents.count else { throw AllocatorError.cycle(node: session.node) }
                chain.append(current)
                current = parents[current]
            }
            return chain
        }
        var below = Array(repeating: [Int](), count: nodes.count)
        for (session, chain) in chains.enumerated() { for node in chain { below[node].append(session) } }
        self.below = below
        let sessions = self.sessions
        order = sessions.indices.sorted { lhs, rhs in
            let left = sessions[lhs]
            let right = sessions[rhs]
            if left.laxity != right.laxity { return left.laxity < right.laxity }
            if left.departure != right.departure { return left.departure < right.departure }
            return left.id < right.id
        }
        tiers = Set(sessions.map(\.tier)).sorted(by: >)
        room = nodes.map { max(0, $0.capacity.value) }
        power = Array(repeating: 0, count: sessions.count)
        admitted = sessions.map { $0.minimum.value <= 0 }
        provenance = Array(repeating: .maximum, count: sessions.count)
        shedding = Array(repeating: false, count: sessions.count)
    }

    /// The planned-for power of a session in the target fill: min(τ_i, M_i).
    var targetCaps: (Int) -> Double {
        { [sessions] index in min(sessions[index].target?.value ?? .infinity, sessions[index].maximum.value) }
    }

    var maximumCaps: (Int) -> Double { { [sessions] index in sessions[index].maximum.value } }

    var total: Double { power.reduce(0, +) }

    /// The sessions of one tier whose need is one of `needs`, in allocation order.
    func members(of needs: Set<ChargingNeed>, tier: Int) -> [Int] {
        order.filter { sessions[$0].tier == tier && needs.contains(sessions[$0].need) }
    }

    /// Step 1: a node whose meter is stale keeps room only for the minima admitted below it; its
    /// sessions get their minimum if they had one, else nothing, and take no part in the fills.
    mutating func applyStaleMeters() {
        for node in nodes.indices where nodes[node].meterIsStale {
            let held = below[node].filter { sessions[$0].admittedSince != nil }.map { sessions[$0].minimum.value }.reduce(0, +)
            room[node] = min(room[node], held)
            for session in below[node] {
                shedding[session] = true
                provenance[session] = .staleMeter(node: nodes[node].id)
            }
        }
    }

    /// Step 3a: gives each session its minimum if it fits in every ancestor (and the budget),
    /// sessions still holding a recent admission first, then least laxity first.
    mutating func admit(_ members: [Int], budget: inout Double) {
        let holding = members.filter { isHolding($0) }
        for session in holding + members.filter({ !isHolding($0) }) where !admitted[session] {
            if shedding[session] && sessions[session].admittedSince == nil { continue }
            let minimum = sessions[session].minimum.value
            guard minimum <= sessions[session].maximum.value else { continue }
            if let full = chains[session].first(where: { room[$0] < minimum - Self.dust }) {
                provenance[session] = nodes[full].meterIsStale ? .staleMeter(node: nodes[full].id) : .notAdmitted(node: nodes[full].id)
                continue
            }
            guard budget >= minimum - Self.dust else { continue }
            for node in chains[session] { room[node] -= minimum }
            budget -= minimum
            power[session] = minimum
            admitted[session] = true
        }
    }

    private func isHolding(_ session: Int) -> Bool {
        guard let since = sessions[session].admittedSince else { return false }
        return now.timeIntervalSince(since) < hold
    }

    /// Steps 3b and 4: progressive filling of admitted members toward their caps: one common level
    /// rises; a session freezes at its cap, when an ancestor saturates, or when the budget (tenant
    /// guarantee or root envelope) is used up.
    mutating func fill(_ members: [Int], toward cap: (Int) -> Double, budget: inout Double, atCap: LimitProvenance) {
        var filling = WaterFill(state: self, members: members.filter { admitted[$0] && !shedding[$0] }, cap: cap)
        filling.run(&self, budget: &budget, atCap: atCap)
    }

    /// Step 5: rounds down to each charger's step (never below an admitted minimum), then hands
    /// the freed room out once, one step per session in class and laxity order.
    mutating func roundToSteps(envelope: Double?) {
        for session in sessions.indices where sessions[session].step.value > 0 && power[session] > 0 {
            let step = sessions[session].step.value
            let rounded = max((power[session] / step + 1e-9).rounded(.down) * step, sessions[session].minimum.value)
            let freed = power[session] - rounded
            for node in chains[session] { room[node] += freed }
            power[session] = rounded
        }
        // In the order of the fills: the fleet below target (not bound by the envelope), then the
        // fleet at target, then public sessions.
        var envelopeRoom = envelope.map { $0 - total } ?? .infinity
        for need in [ChargingNeed.fleetBelowTarget, .fleetAtTarget, .publicCharging] {
            for tier in tiers {
                for session in members(of: [need], tier: tier) where admitted[session] && !shedding[session] && power[session] > 0 {
                    let step = sessions[session].step.value
                    guard step > 0, power[session] + step <= sessions[session].maximum.value + Self.dust,
                        need == .fleetBelowTarget || step <= envelopeRoom + Self.dust,
                        chains[session].allSatisfy({ room[$0] >= step - Self.dust })
                    else { continue }
                    for node in chains[session] { room[node] -= step }
                    envelopeRoom -= step
                    power[session] += step
                }
            }
        }
    }

    func result() -> Allocation {
        Allocation(
            limits: sessions.indices.map { session in
                let keepsMinimum = admitted[session] && sessions[session].minimum.value > 0 && power[session] > 0
                let since = sessions[session].admittedSince.flatMap { now.timeIntervalSince($0) < hold ? $0 : nil } ?? now
                return SessionLimit(
                    id: sessions[session].id, power: Kilowatts(power[session]),
                    provenance: provenance[session],
                    admittedSince: keepsMinimum ? since : nil)
            })
    }
}
