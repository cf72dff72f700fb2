public import Foundation

extension VDV463 {
    /// A fault reported by the vehicle.
    public struct VehicleFaultInfo: Codable, Equatable, Sendable {
        /// Manufacturer code (the schema leaves it free).
        public var vehicleFaultCode: String
        /// Free text.
        public var faultText: String?
        /// When the fault was seen.
        public var faultTimeStamp: Date

        /// Every field; optional ones default to absent.
        public init(vehicleFaultCode: String, faultText: String? = nil, faultTimeStamp: Date) {
            self.vehicleFaultCode = vehicleFaultCode
            self.faultText = faultText
            self.faultTimeStamp = faultTimeStamp
        }
    }
}
