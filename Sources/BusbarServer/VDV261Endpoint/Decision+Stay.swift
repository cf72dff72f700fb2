import DepotModel
import Foundation
import VDV

extension VDV261.Decision {
    /// What Busbar tells a bus from its stay (vdv.md B5): the departure, the climate mode and target
    /// of the request, and `prec_dsrd` inside the window the stay's preconditioning rule fixes —
    /// a manual rule from its earlier start time, an automatic one from its requested start to its
    /// requested finish (or the departure). An automatic rule without a start leaves the decision
    /// to the `preconditioning` policy, which the runtime does not run yet, so nothing is desired.
    /// - Parameters:
    ///   - stay: the vehicle's current or next stay, if any.
    ///   - now: the server clock's time.
    init(stay: TimetableEntry?, at now: Date) {
        guard let stay else {
            self.init(preconditioningDesired: false)
            return
        }
        switch stay.preconditioning {
        case .automatic(let mode, let start, let finish):
            let end = finish ?? stay.departure
            self.init(
                departure: stay.departure, preconditioningDesired: start.map { $0 <= now && now < end } ?? false,
                climateMode: mode == .none ? .noClimaticPreconditioningOrSNA : VDV463.PreconditioningRequest(rawValue: mode.rawValue),
                targetSoc: stay.maxTargetSoC.value)
        case .manual(let hvacStart, let systemStart, _, _):
            self.init(
                departure: stay.departure, preconditioningDesired: min(hvacStart, systemStart) <= now && now < stay.departure,
                targetSoc: stay.maxTargetSoC.value)
        case nil:
            self.init(departure: stay.departure, preconditioningDesired: false, targetSoc: stay.maxTargetSoC.value)
        }
    }
}
