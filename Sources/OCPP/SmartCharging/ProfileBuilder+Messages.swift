import Foundation

extension ProfileBuilder {
    /// Writes the schedule as the SetChargingProfile of the charger's version.
    func call(
        _ purpose: ProfilePurpose,
        connector: Int,
        stackLevel: Int,
        periods: [SchedulePeriod],
        duration: Int?,
        transaction: ChargingTransactionID?,
        now: Date
    ) -> OutgoingCall {
        let start = Date(timeIntervalSince1970: (now.timeIntervalSince1970 - Double(Self.startLeadSeconds)).rounded(.down))
        let id = purpose.profileId(connector: connector)
        switch capabilities.version {
        case .v16:
            let schedule = V16.ChargingSchedule(
                duration: duration,
                startSchedule: start,
                chargingRateUnit: unit == .watts ? .w : .a,
                chargingSchedulePeriod: periods.map {
                    V16.ChargingSchedulePeriod(startPeriod: $0.startPeriod, limit: $0.limit, numberPhases: numberPhases)
                }
            )
            let purposeValue: V16.ChargingProfile.ChargingProfilePurpose =
                switch purpose {
                case .stationMaximum: .chargePointMaxProfile
                case .failSafeDefault: .txDefaultProfile
                case .session: .txProfile
                }
            var transactionId: Int?
            if case .v16(let number)? = transaction { transactionId = number }
            let profile = V16.ChargingProfile(
                chargingProfileId: id,
                transactionId: transactionId,
                stackLevel: stackLevel,
                chargingProfilePurpose: purposeValue,
                chargingProfileKind: .absolute,
                chargingSchedule: schedule
            )
            return .v16(.setChargingProfile(V16.SetChargingProfileRequest(connectorId: connector, csChargingProfiles: profile)))
        case .v201:
            let schedule = V201.ChargingSchedule(
                id: id,
                startSchedule: start,
                duration: duration,
                chargingRateUnit: unit == .watts ? .w : .a,
                chargingSchedulePeriod: periods.map {
                    V201.ChargingSchedulePeriod(startPeriod: $0.startPeriod, limit: $0.limit, numberPhases: numberPhases)
                }
            )
            let purposeValue: V201.ChargingProfilePurposeEnum =
                switch purpose {
                case .stationMaximum: .chargingStationMaxProfile
                case .failSafeDefault: .txDefaultProfile
                case .session: .txProfile
                }
            var transactionId: String?
            if case .v201(let text)? = transaction { transactionId = text }
            let profile = V201.ChargingProfile(
                id: id,
                stackLevel: stackLevel,
                chargingProfilePurpose: purposeValue,
                chargingProfileKind: .absolute,
                chargingSchedule: [schedule],
                transactionId: transactionId
            )
            return .v201(.setChargingProfile(V201.SetChargingProfileRequest(evseId: connector, chargingProfile: profile)))
        }
    }
}
