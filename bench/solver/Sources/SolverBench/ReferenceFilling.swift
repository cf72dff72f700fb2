import DepotModel
import PowerSolver

/// The textbook progressive filling the allocator is measured against: every round, all unfrozen
/// sessions of a class rise by the largest common increment any node or cap allows, then the
/// saturated ones freeze. O(rounds · n · depth); no admission, tenants or envelope.
enum ReferenceFilling {
    static func allocate(_ input: AllocationInput) -> [Double] {
        let index = Dictionary(uniqueKeysWithValues: input.nodes.enumerated().map { ($1.id, $0) })
        var room = input.nodes.map { max(0, $0.capacity.value) }
        let chains = input.sessions.map { session -> [Int] in
            var chain: [Int] = []
            var current = index[session.node]
            while let node = current {
                chain.append(node)
                current = input.nodes[node].parent.flatMap { index[$0] }
            }
            return chain
        }
        var power = Array(repeating: 0.0, count: input.sessions.count)
        for tier in Set(input.sessions.map(\.tier)).sorted(by: >) {
            var active = input.sessions.indices.filter { input.sessions[$0].tier == tier }
            let cap = { (session: Int) in min(input.sessions[session].target?.value ?? .infinity, input.sessions[session].maximum.value) }
            while !active.isEmpty {
                var users = Array(repeating: 0, count: room.count)
                for session in active { for node in chains[session] { users[node] += 1 } }
                var step = active.map { cap($0) - power[$0] }.min() ?? 0
                for node in room.indices where users[node] > 0 { step = min(step, room[node] / Double(users[node])) }
                for session in active { power[session] += step }
                for node in room.indices { room[node] -= step * Double(users[node]) }
                active = active.filter { session in
                    power[session] < cap(session) - 1e-9 && chains[session].allSatisfy { room[$0] > 1e-9 }
                }
            }
        }
        return power
    }
}
