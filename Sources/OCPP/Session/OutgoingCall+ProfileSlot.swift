import Foundation

extension OutgoingCall {
    /// The slot a SetChargingProfile fills; nil for every other call.
    var profileSlot: ProfileSlot? {
        switch self {
        case .v16(.setChargingProfile(let request)):
            ProfileSlot(connector: request.connectorId, purpose: request.csChargingProfiles.chargingProfilePurpose.rawValue)
        case .v201(.setChargingProfile(let request)):
            ProfileSlot(connector: request.evseId, purpose: request.chargingProfile.chargingProfilePurpose.rawValue)
        default:
            nil
        }
    }

    /// The limit a SetChargingProfile sets now (first period of the first schedule) with its unit,
    /// so the session can tell a decrease, which must not wait behind other commands.
    var currentProfileLimit: (value: Double, unit: String)? {
        switch self {
        case .v16(.setChargingProfile(let request)):
            let schedule = request.csChargingProfiles.chargingSchedule
            return schedule.chargingSchedulePeriod.first.map { ($0.limit, schedule.chargingRateUnit.rawValue) }
        case .v201(.setChargingProfile(let request)):
            guard let schedule = request.chargingProfile.chargingSchedule.first else { return nil }
            return schedule.chargingSchedulePeriod.first.map { ($0.limit, schedule.chargingRateUnit.rawValue) }
        default:
            return nil
        }
    }
}
