import DepotModel
import VDV

/// What each vehicle reported over VDV 261 during its current plug-in (docs/vdv.md B3), merged request
/// by request; kept in memory because the bus sends its complete set again after a restart. The
/// VDV 463 reports read it for `VehicleInfo` (docs/vdv.md B5).
actor VehicleParameterStore {
    private var states: [VehicleID: VDV261.ParameterState] = [:]

    /// Merges one request of a vehicle; a new plug-in starts a fresh state.
    func merge(
        _ request: VDV261.Request, vehicle: VehicleID, plugIn: String, version: VDV261.Version, settings: VDV261.Settings
    ) -> VDV261.ParameterState.MergeOutcome {
        states[vehicle, default: VDV261.ParameterState()].merge(request, plugIn: plugIn, version: version, settings: settings)
    }

    /// What each plugged-in vehicle reported during its current plug-in, for VDV 463 reports.
    /// - Parameter plugIns: the live plug-in (session id) per vehicle; older states are left out.
    func reported(plugIns: [VehicleID: String]) -> [VehicleID: VDV261.ParameterState] {
        states.filter { vehicle, state in state.plugIn != nil && state.plugIn == plugIns[vehicle] }
    }
}
