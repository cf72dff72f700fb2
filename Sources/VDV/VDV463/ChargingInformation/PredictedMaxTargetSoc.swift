public import Foundation

extension VDV463 {
    /// `chargingPredictionDataMaxTargetSoc`: when the requested maximum is reached.
    public struct PredictedMaxTargetSoc: Codable, Equatable, Sendable {
        /// The request's `maxTargetSoc`, %.
        public var requestedMaxTargetSoc: Double
        /// When the plan reaches it.
        public var predictedTime: Date

        /// Every field; optional ones default to absent.
        public init(requestedMaxTargetSoc: Double, predictedTime: Date) {
            self.requestedMaxTargetSoc = requestedMaxTargetSoc
            self.predictedTime = predictedTime
        }

        /// The 1.0.0 name (`chargingPredictionDataFinalSoc.predictedFinalSoc`).
        private enum LegacyKeys: String, CodingKey {
            case predictedFinalSoc
        }

        /// Decodes both versions.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let legacy = try decoder.container(keyedBy: LegacyKeys.self)
            requestedMaxTargetSoc =
                try container.decodeIfPresent(Double.self, forKey: .requestedMaxTargetSoc)
                ?? legacy.decode(Double.self, forKey: .predictedFinalSoc)
            predictedTime = try container.decode(Date.self, forKey: .predictedTime)
        }
    }
}
