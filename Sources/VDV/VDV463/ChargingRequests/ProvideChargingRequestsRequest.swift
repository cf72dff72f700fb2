extension VDV463 {
    /// Payload of a ProvideChargingRequests: always the presystem's complete list (docs/vdv.md A5).
    public struct ProvideChargingRequestsRequest: Codable, Equatable, Sendable {
        /// Every request of the presystem; an empty list cancels all.
        public var chargingRequestList: [ChargingRequest]

        /// Every field; optional ones default to absent.
        public init(chargingRequestList: [ChargingRequest]) {
            self.chargingRequestList = chargingRequestList
        }
    }
}
