import DepotModel
import DepotRuntime
import Foundation
import VDV

extension VDV261.Decision {
    /// What Busbar tells a bus (docs/vdv.md B5, B6): the stay's departure and target, `prec_dsrd` exactly
    /// inside the window the `preconditioning` policy planned (never without a plan), `prec_hvac`
    /// from the plan's mode (the timetable's requested mode before there is a plan), and the
    /// ambient temperature of the upstream request.
    /// - Parameters:
    ///   - stay: the vehicle's current or next stay, if any.
    ///   - plan: the runtime's pre-conditioning plan for that stay.
    ///   - now: the server clock's time.
    init(stay: TimetableEntry?, plan: PreconditioningSnapshot?, at now: Date) {
        guard let stay else {
            self.init(preconditioningDesired: false)
            return
        }
        var requested: PreconditioningMode?
        var ambient: Double?
        if case .automatic(let mode, _, _, let temperature) = stay.preconditioning {
            requested = mode
            ambient = temperature
        }
        let mode = plan?.mode ?? requested
        self.init(
            departure: stay.departure, preconditioningDesired: plan.map { $0.start <= now && now < $0.finish } ?? false,
            climateMode: mode.map {
                $0 == .none ? .noClimaticPreconditioningOrSNA : VDV463.PreconditioningRequest(rawValue: $0.rawValue)
            },
            ambientTemperature: ambient, targetSoc: stay.maxTargetSoC.value)
    }
}
