public import Foundation

extension VDV463 {
    /// `chargingPredictionDataDepartureTime`: the state of charge the plan reaches by the requested departure.
    public struct PredictedDepartureSoc: Codable, Equatable, Sendable {
        /// Predicted state of charge at departure, %.
        public var predictedDepartureTimeSoc: Double
        /// The request's departure (1.0.0 `predictedTime`).
        public var requestedTimeForDeparture: Date

        /// Every field; optional ones default to absent.
        public init(predictedDepartureTimeSoc: Double, requestedTimeForDeparture: Date) {
            self.predictedDepartureTimeSoc = predictedDepartureTimeSoc
            self.requestedTimeForDeparture = requestedTimeForDeparture
        }

        /// The 1.0.0 name of the time.
        private enum LegacyKeys: String, CodingKey {
            case predictedTime
        }

        /// Decodes both versions.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let legacy = try decoder.container(keyedBy: LegacyKeys.self)
            predictedDepartureTimeSoc = try container.decode(Double.self, forKey: .predictedDepartureTimeSoc)
            requestedTimeForDeparture =
                try container.decodeIfPresent(Date.self, forKey: .requestedTimeForDeparture)
                ?? legacy.decode(Date.self, forKey: .predictedTime)
        }
    }
}
