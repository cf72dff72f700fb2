public import Foundation

extension VDV463 {
    /// A fault of a whole station (OCPP connector 0).
    public struct ChargingStationFaultInfo: Codable, Equatable, Sendable {
        /// What kind of fault.
        public var chargingStationFaultCode: ChargingStationFaultCode
        /// Free text, e.g. the OCPP vendor error.
        public var faultText: String?
        /// When the fault was seen.
        public var faultTimeStamp: Date

        /// Every field; optional ones default to absent.
        public init(chargingStationFaultCode: ChargingStationFaultCode, faultText: String? = nil, faultTimeStamp: Date) {
            self.chargingStationFaultCode = chargingStationFaultCode
            self.faultText = faultText
            self.faultTimeStamp = faultTimeStamp
        }
    }
}
