public import Foundation

extension VDV463 {
    /// Targets and times of a charging request (docs/vdv.md A6); SoC values in % of the current usable capacity.
    public struct ChargingRequestData: Codable, Equatable, Sendable {
        /// State of charge the vehicle must reach, %.
        public var minTargetSoc: Double
        /// State of charge not to exceed, %.
        public var maxTargetSoc: Double
        /// When the vehicle is expected to plug in.
        public var expectedArrivalTimeAtChargingPoint: Date?
        /// Expected state of charge on arrival, %.
        public var expectedSocAtArrival: Double?
        /// When the vehicle leaves.
        public var requestedTimeForDeparture: Date?
        /// Passed to policies as `ad_hoc_charging`; meaning unconfirmed.
        public var adHocCharging: Bool?

        /// Every field; optional ones default to absent.
        public init(
            minTargetSoc: Double,
            maxTargetSoc: Double,
            expectedArrivalTimeAtChargingPoint: Date? = nil,
            expectedSocAtArrival: Double? = nil,
            requestedTimeForDeparture: Date? = nil,
            adHocCharging: Bool? = nil
        ) {
            self.minTargetSoc = minTargetSoc
            self.maxTargetSoc = maxTargetSoc
            self.expectedArrivalTimeAtChargingPoint = expectedArrivalTimeAtChargingPoint
            self.expectedSocAtArrival = expectedSocAtArrival
            self.requestedTimeForDeparture = requestedTimeForDeparture
            self.adHocCharging = adHocCharging
        }

        /// Decodes and enforces the schemas' 0…100 ranges.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            minTargetSoc = try container.decodePercent(forKey: .minTargetSoc)
            maxTargetSoc = try container.decodePercent(forKey: .maxTargetSoc)
            expectedArrivalTimeAtChargingPoint = try container.decodeIfPresent(Date.self, forKey: .expectedArrivalTimeAtChargingPoint)
            expectedSocAtArrival = try container.decodePercentIfPresent(forKey: .expectedSocAtArrival)
            requestedTimeForDeparture = try container.decodeIfPresent(Date.self, forKey: .requestedTimeForDeparture)
            adHocCharging = try container.decodeIfPresent(Bool.self, forKey: .adHocCharging)
        }
    }
}
