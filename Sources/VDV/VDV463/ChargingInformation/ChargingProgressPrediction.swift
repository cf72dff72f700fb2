public import Foundation

extension VDV463 {
    /// One point of the forecast curve (2.0.0 `ChargingProgressPredictionListEntry`).
    public struct ChargingProgressPrediction: Codable, Equatable, Sendable {
        /// %, 0–100.
        public var predictedSoc: Double
        /// When it is reached.
        public var predictedTime: Date

        /// Every field; optional ones default to absent.
        public init(predictedSoc: Double, predictedTime: Date) {
            self.predictedSoc = predictedSoc
            self.predictedTime = predictedTime
        }
    }
}
