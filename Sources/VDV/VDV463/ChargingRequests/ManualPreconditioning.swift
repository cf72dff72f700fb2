public import Foundation

extension VDV463 {
    /// Preconditioning with start times and auxiliary powers set by the presystem; the powers become a fixed
    /// non-battery load from the start time to departure (docs/vdv.md A6).
    public struct ManualPreconditioning: Codable, Equatable, Sendable {
        /// When climate preconditioning starts.
        public var hvacPreconditioningStartTime: Date
        /// When system preconditioning starts.
        public var systemPreconditioningStartTime: Date
        /// Climate preconditioning power, kW.
        public var hvacAuxiliaryConsumerPower: Int?
        /// System preconditioning power, kW.
        public var systemAuxiliaryConsumerPower: Int?
        /// Target state of charge, % (2.0.0).
        public var targetSoc: Double?

        /// Every field; optional ones default to absent.
        public init(
            hvacPreconditioningStartTime: Date,
            systemPreconditioningStartTime: Date,
            hvacAuxiliaryConsumerPower: Int? = nil,
            systemAuxiliaryConsumerPower: Int? = nil,
            targetSoc: Double? = nil
        ) {
            self.hvacPreconditioningStartTime = hvacPreconditioningStartTime
            self.systemPreconditioningStartTime = systemPreconditioningStartTime
            self.hvacAuxiliaryConsumerPower = hvacAuxiliaryConsumerPower
            self.systemAuxiliaryConsumerPower = systemAuxiliaryConsumerPower
            self.targetSoc = targetSoc
        }

        /// Decodes and enforces the schema's 0…100 range of `targetSoc`.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            hvacPreconditioningStartTime = try container.decode(Date.self, forKey: .hvacPreconditioningStartTime)
            systemPreconditioningStartTime = try container.decode(Date.self, forKey: .systemPreconditioningStartTime)
            hvacAuxiliaryConsumerPower = try container.decodeIfPresent(Int.self, forKey: .hvacAuxiliaryConsumerPower)
            systemAuxiliaryConsumerPower = try container.decodeIfPresent(Int.self, forKey: .systemAuxiliaryConsumerPower)
            targetSoc = try container.decodePercentIfPresent(forKey: .targetSoc)
        }
    }
}
