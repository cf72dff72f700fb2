extension VDV463 {
    /// Why a whole ProvideChargingRequests is refused and nothing of it applied (docs/vdv.md A5).
    public enum ChargingRequestsError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The same id twice in one list.
        case duplicateChargingRequestId(String)

        /// The `errorMessage` of the error (3) answer.
        public var description: String {
            switch self {
            case .duplicateChargingRequestId(let id): "duplicate chargingRequestId \(id) in chargingRequestList"
            }
        }
    }
}
