import DepotModel
import Foundation

extension VehicleReport {
    /// Whether this report says something new for pre-conditioning: a need's time moved by a
    /// minute or more, or an energy by more than a tenth (at least 1 kWh). A bus repeats its
    /// report every few minutes with an energy need that shrinks as it charges; asking the policy
    /// again for each would spend the depot's time on nothing.
    func differs(from earlier: VehicleReport) -> Bool {
        func moved(_ new: Duration?, _ old: Duration?) -> Bool {
            switch (new, old) {
            case (nil, nil): false
            case (let new?, let old?): abs((new - old).secondsValue) >= 60
            default: true
            }
        }
        func moved(_ new: KilowattHours?, _ old: KilowattHours?) -> Bool {
            switch (new, old) {
            case (nil, nil): false
            case (let new?, let old?): abs(new.value - old.value) > max(1, 0.1 * old.value)
            default: true
            }
        }
        return moved(batteryTime, earlier.batteryTime) || moved(cabinTime, earlier.cabinTime) || moved(batteryEnergy, earlier.batteryEnergy)
            || moved(cabinEnergy, earlier.cabinEnergy)
    }
}
