/// A malformed planning problem, or (never expected: the LP is always feasible through its
/// shortfall columns) a stage the LP solver did not solve. Infeasibility is not an error: the
/// plan reports shortfalls.
public enum PlanningError: Error, Hashable, Sendable {
    case noSiteNode
    case severalSiteNodes([String])
    case duplicateNode(String)
    case unknownParent(node: String, parent: String)
    case cycle(node: String)
    case unknownNode(vehicle: String, node: String)
    case wrongSlotCount(what: String, expected: Int, found: Int)
    case invalidVehicle(String, reason: String)
    case programNotSolved(stage: String)
}
