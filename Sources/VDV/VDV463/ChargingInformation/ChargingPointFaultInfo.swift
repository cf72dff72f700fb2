public import Foundation

extension VDV463 {
    /// A fault of one charging point (OCPP StatusNotification errorCode).
    public struct ChargingPointFaultInfo: Codable, Equatable, Sendable {
        /// What kind of fault.
        public var chargingPointFaultCode: ChargingPointFaultCode
        /// Free text, e.g. the OCPP vendor error.
        public var faultText: String?
        /// When the fault was seen.
        public var faultTimeStamp: Date

        /// Every field; optional ones default to absent.
        public init(chargingPointFaultCode: ChargingPointFaultCode, faultText: String? = nil, faultTimeStamp: Date) {
            self.chargingPointFaultCode = chargingPointFaultCode
            self.faultText = faultText
            self.faultTimeStamp = faultTimeStamp
        }
    }
}
