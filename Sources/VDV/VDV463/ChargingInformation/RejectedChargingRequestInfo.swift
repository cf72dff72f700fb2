extension VDV463 {
    /// A request Busbar refused, with one of the stable reasons of docs/vdv.md A5 (2.0.0).
    public struct RejectedChargingRequestInfo: Codable, Equatable, Sendable {
        /// The presystem that sent it.
        public var presystemId: String
        /// The refused request.
        public var chargingRequestId: String
        /// Why, e.g. `unknown chargingPointId`.
        public var reason: String

        /// Every field; optional ones default to absent.
        public init(presystemId: String, chargingRequestId: String, reason: String) {
            self.presystemId = presystemId
            self.chargingRequestId = chargingRequestId
            self.reason = reason
        }
    }
}
