public import Foundation

extension VDV463 {
    /// Preconditioning the vehicle carries out on its own, given a mode and times (docs/vdv.md A6, B5).
    public struct AutomaticPreconditioning: Codable, Equatable, Sendable {
        /// The climate mode, `prec_hvac` in VDV 261.
        public var preconditioningRequest: PreconditioningRequest
        /// Expected ambient temperature, °C.
        public var ambientTemperature: Double?
        /// When preconditioning should start.
        public var requestedStartTime: Date?
        /// When preconditioning should be complete.
        public var requestedFinishTime: Date?
        /// Target state of charge, % (2.0.0).
        public var targetSoc: Double?

        /// Every field; optional ones default to absent.
        public init(
            preconditioningRequest: PreconditioningRequest,
            ambientTemperature: Double? = nil,
            requestedStartTime: Date? = nil,
            requestedFinishTime: Date? = nil,
            targetSoc: Double? = nil
        ) {
            self.preconditioningRequest = preconditioningRequest
            self.ambientTemperature = ambientTemperature
            self.requestedStartTime = requestedStartTime
            self.requestedFinishTime = requestedFinishTime
            self.targetSoc = targetSoc
        }

        /// Decodes and enforces the schema's 0…100 range of `targetSoc`.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            preconditioningRequest = try container.decode(PreconditioningRequest.self, forKey: .preconditioningRequest)
            ambientTemperature = try container.decodeIfPresent(Double.self, forKey: .ambientTemperature)
            requestedStartTime = try container.decodeIfPresent(Date.self, forKey: .requestedStartTime)
            requestedFinishTime = try container.decodeIfPresent(Date.self, forKey: .requestedFinishTime)
            targetSoc = try container.decodePercentIfPresent(forKey: .targetSoc)
        }
    }
}
