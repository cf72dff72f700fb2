import DepotModel

/// The real-time allocator of docs/solver.md §5: one limit per connector every tick, by water-filling
/// over the circuit tree with priority tiers, tenant guarantees first and min-power admission by
/// laxity. Work-conserving for the fleet: the plan's power orders the work but caps nothing, so no
/// room a fleet vehicle below its target could take is left unused, and public sessions get only
/// what the fleet on their path cannot use. Deterministic: the output does not depend on the order
/// of the input.
public struct Allocator: Sendable {
    /// How long an admitted session keeps its admission against sessions of its own class.
    public let admissionHold: Duration

    /// - Parameter admissionHold: how long an admission holds against its own class (5 min, §5 step 3a).
    public init(admissionHold: Duration = .seconds(300)) { self.admissionHold = admissionHold }

    /// One tick: a limit with its provenance for every session. Throws only for a malformed tree.
    public func allocate(_ input: AllocationInput) throws -> Allocation {
        var state = try AllocationState(input, admissionHold: admissionHold.secondsValue)
        state.applyStaleMeters()
        for (tenant, budget) in input.tenantBudgets.sorted(by: { $0.key < $1.key }) where budget.value > 0 {
            let members = state.order.filter { state.sessions[$0].tenant == tenant }
            var room = budget.value
            for tier in state.tiers {
                let tierMembers = members.filter { state.sessions[$0].tier == tier }
                state.admit(tierMembers, budget: &room)
                state.fill(tierMembers, toward: state.targetCaps, budget: &room, atCap: .target)
            }
        }
        // The fleet first, by tier: admission and the plan's power, then what the fleet below its
        // target can take beyond the plan, up to the physical limits.
        var unbounded = Double.infinity
        for tier in state.tiers {
            let members = state.members(of: [.fleetBelowTarget, .fleetAtTarget], tier: tier)
            state.admit(members, budget: &unbounded)
            state.fill(members, toward: state.targetCaps, budget: &unbounded, atCap: .target)
        }
        for tier in state.tiers {
            state.fill(state.members(of: [.fleetBelowTarget], tier: tier), toward: state.maximumCaps, budget: &unbounded, atCap: .maximum)
        }
        // What no bus needs stays below the envelope, so the plan's peak and cost intent hold there.
        var envelopeRoom = input.envelope.map { max(0, $0.value - state.total) } ?? .infinity
        for tier in state.tiers {
            state.fill(state.members(of: [.fleetAtTarget], tier: tier), toward: state.maximumCaps, budget: &envelopeRoom, atCap: .maximum)
        }
        for tier in state.tiers {
            let members = state.members(of: [.publicCharging], tier: tier)
            state.admit(members, budget: &envelopeRoom)
            state.fill(members, toward: state.maximumCaps, budget: &envelopeRoom, atCap: .maximum)
        }
        state.roundToSteps(envelope: input.envelope?.value)
        return state.result()
    }
}
