import DepotModel
import PowerSolver

/// The online least-laxity-first rule shared by `baselines` and `receding`: no foresight, each
/// session in turn (least slack first) takes all its node chain still has room for.
enum LeastLaxityFirst {
    /// Hours of slack: time left minus the time the remaining grid energy takes at full power.
    static func laxity(hoursLeft: Double, remainingGridEnergy: Double, maxPower: Double) -> Double {
        hoursLeft - remainingGridEnergy / maxPower
    }

    /// The power of each session, in the order given: least laxity first (ties by id), each up to
    /// its maximum and the room left on every node from its own up to the site.
    static func allocate(_ sessions: [AllocationSession], nodes: [AllocationNode]) -> [Double] {
        var room = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id, $0.capacity.value) })
        let parent = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id, $0.parent) })
        var power = Array(repeating: 0.0, count: sessions.count)
        let order = sessions.indices.sorted { (sessions[$0].laxity, sessions[$0].id) < (sessions[$1].laxity, sessions[$1].id) }
        for index in order {
            var chain = [sessions[index].node]
            while let next = parent[chain[chain.count - 1]] ?? nil { chain.append(next) }
            let grant = chain.map { room[$0] ?? 0 }.reduce(sessions[index].maximum.value, min)
            for node in chain { room[node]? -= grant }
            power[index] = max(0, grant)
        }
        return power
    }
}
