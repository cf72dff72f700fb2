import DepotModel
import Foundation
import Storage

extension SessionQuery {
    /// Whether a running session passes the same filters storage applies to finished ones.
    func matches(_ session: SessionRoutes.SessionView) -> Bool {
        if let vehicle, vehicle.rawValue != session.vehicle { return false }
        if let station, station.rawValue != session.charger { return false }
        if let from, session.startedAt < from { return false }
        if let until, session.startedAt >= until { return false }
        return true
    }
}
