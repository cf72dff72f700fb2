extension VDV463 {
    /// The plan's forecast for a process (docs/vdv.md A6, from `PowerSolver`).
    /// A target that will not be reached in the stay is omitted; the departure object then shows the shortfall.
    public struct ChargingPredictionData: Codable, Equatable, Sendable {
        /// Whether the forecast still moves.
        public var chargingPredictionDataStatus: ChargingPredictionDataStatus
        /// When the minimum target is reached.
        public var chargingPredictionDataMinTargetSoc: PredictedMinTargetSoc?
        /// When the maximum target is reached.
        public var chargingPredictionDataMaxTargetSoc: PredictedMaxTargetSoc?
        /// The state of charge at departure.
        public var chargingPredictionDataDepartureTime: PredictedDepartureSoc?
        /// At most 24 points at plan breakpoints.
        public var chargingProgressPredictionList: [ChargingProgressPrediction]?

        /// Every field; optional ones default to absent.
        public init(
            chargingPredictionDataStatus: ChargingPredictionDataStatus,
            chargingPredictionDataMinTargetSoc: PredictedMinTargetSoc? = nil,
            chargingPredictionDataMaxTargetSoc: PredictedMaxTargetSoc? = nil,
            chargingPredictionDataDepartureTime: PredictedDepartureSoc? = nil,
            chargingProgressPredictionList: [ChargingProgressPrediction]? = nil
        ) {
            self.chargingPredictionDataStatus = chargingPredictionDataStatus
            self.chargingPredictionDataMinTargetSoc = chargingPredictionDataMinTargetSoc
            self.chargingPredictionDataMaxTargetSoc = chargingPredictionDataMaxTargetSoc
            self.chargingPredictionDataDepartureTime = chargingPredictionDataDepartureTime
            self.chargingProgressPredictionList = chargingProgressPredictionList
        }

        /// The 1.0.0 names of the forecast objects.
        private enum LegacyKeys: String, CodingKey {
            case chargingPredictionDataMinSoc, chargingPredictionDataFinalSoc
        }

        /// Decodes both versions. A 1.0.0 forecast has no status and is read as `Ongoing`; its
        /// `…MinSoc` and `…FinalSoc` objects are read as the min and max target forecasts.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let legacy = try decoder.container(keyedBy: LegacyKeys.self)
            chargingPredictionDataStatus =
                try container.decodeIfPresent(ChargingPredictionDataStatus.self, forKey: .chargingPredictionDataStatus) ?? .ongoing
            chargingPredictionDataMinTargetSoc =
                try container.decodeIfPresent(PredictedMinTargetSoc.self, forKey: .chargingPredictionDataMinTargetSoc)
                ?? legacy.decodeIfPresent(PredictedMinTargetSoc.self, forKey: .chargingPredictionDataMinSoc)
            chargingPredictionDataMaxTargetSoc =
                try container.decodeIfPresent(PredictedMaxTargetSoc.self, forKey: .chargingPredictionDataMaxTargetSoc)
                ?? legacy.decodeIfPresent(PredictedMaxTargetSoc.self, forKey: .chargingPredictionDataFinalSoc)
            chargingPredictionDataDepartureTime =
                try container.decodeIfPresent(PredictedDepartureSoc.self, forKey: .chargingPredictionDataDepartureTime)
            chargingProgressPredictionList =
                try container.decodeIfPresent([ChargingProgressPrediction].self, forKey: .chargingProgressPredictionList)
        }
    }
}
