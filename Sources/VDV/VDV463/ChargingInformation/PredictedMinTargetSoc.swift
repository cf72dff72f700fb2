public import Foundation

extension VDV463 {
    /// `chargingPredictionDataMinTargetSoc`: when the requested minimum is reached.
    public struct PredictedMinTargetSoc: Codable, Equatable, Sendable {
        /// The request's `minTargetSoc`, %.
        public var requestedMinTargetSoc: Double
        /// When the plan reaches it.
        public var predictedTime: Date

        /// Every field; optional ones default to absent.
        public init(requestedMinTargetSoc: Double, predictedTime: Date) {
            self.requestedMinTargetSoc = requestedMinTargetSoc
            self.predictedTime = predictedTime
        }

        /// The 1.0.0 name (`chargingPredictionDataMinSoc.requestedMinSoc`).
        private enum LegacyKeys: String, CodingKey {
            case requestedMinSoc
        }

        /// Decodes both versions.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let legacy = try decoder.container(keyedBy: LegacyKeys.self)
            requestedMinTargetSoc =
                try container.decodeIfPresent(Double.self, forKey: .requestedMinTargetSoc)
                ?? legacy.decode(Double.self, forKey: .requestedMinSoc)
            predictedTime = try container.decode(Date.self, forKey: .predictedTime)
        }
    }
}
