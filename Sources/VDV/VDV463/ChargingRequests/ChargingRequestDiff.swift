public import Foundation

extension VDV463 {
    /// The effect of one ProvideChargingRequests on a presystem's stored requests (docs/vdv.md A5):
    /// the new list is complete, so anything stored but absent is deleted. The adapter persists it in
    /// one transaction, then confirms.
    public struct ChargingRequestDiff: Equatable, Sendable {
        /// Requests whose id was not stored, in list order.
        public var creates: [ChargingRequest]
        /// Stored requests with any changed value, in list order.
        public var updates: [ChargingRequest]
        /// Ids of stored requests that are absent, terminated (1.0.0) or now refused, in stored order.
        public var deletes: [String]
        /// Requests Busbar refuses; they replace the previous refusals and go into every following PCI.
        public var rejections: [RejectedChargingRequestInfo]
        /// The presystem's requests once the diff is applied: the accepted part of the list.
        public var resulting: [ChargingRequest]

        /// Diffs a complete list against the stored requests.
        /// - Parameters:
        ///   - presystemId: the sender, copied into each rejection.
        ///   - stored: the presystem's requests as last committed.
        ///   - incoming: the new complete list.
        ///   - context: the points and vehicles Busbar knows.
        ///   - now: for "departure in the past".
        /// - Throws: `ChargingRequestsError` when the whole message must be refused.
        public init(
            presystemId: String,
            stored: [ChargingRequest],
            incoming: [ChargingRequest],
            context: ChargingRequestContext,
            now: Date
        ) throws(ChargingRequestsError) {
            var seen = Set<String>()
            for request in incoming where !seen.insert(request.chargingRequestId).inserted {
                throw .duplicateChargingRequestId(request.chargingRequestId)
            }
            let storedById = Dictionary(stored.map { ($0.chargingRequestId, $0) }, uniquingKeysWith: { first, _ in first })
            var creates: [ChargingRequest] = []
            var updates: [ChargingRequest] = []
            var rejections: [RejectedChargingRequestInfo] = []
            var resulting: [ChargingRequest] = []
            for var request in incoming where request.chargingInstruction != .terminate {
                request.chargingInstruction = nil
                if let reason = Self.refusal(of: request, context: context, now: now) {
                    rejections.append(
                        RejectedChargingRequestInfo(
                            presystemId: presystemId,
                            chargingRequestId: request.chargingRequestId,
                            reason: reason.rawValue
                        )
                    )
                    continue
                }
                resulting.append(request)
                if let old = storedById[request.chargingRequestId] {
                    if old != request { updates.append(request) }
                } else {
                    creates.append(request)
                }
            }
            let kept = Set(resulting.map(\.chargingRequestId))
            self.creates = creates
            self.updates = updates
            self.deletes = stored.map(\.chargingRequestId).filter { !kept.contains($0) }
            self.rejections = rejections
            self.resulting = resulting
        }

        /// The first reason of docs/vdv.md A5 that applies, or nil when Busbar accepts the request.
        static func refusal(of request: ChargingRequest, context: ChargingRequestContext, now: Date) -> RefusalReason? {
            if let point = request.chargingPointId {
                guard context.chargingPointIds.contains(point) else { return .unknownChargingPoint }
                guard context.availableChargingPointIds.contains(point) else { return .pointNotAvailable }
            }
            guard context.vehicleIds.contains(request.vehicleId) else { return .unknownVehicle }
            let data = request.chargingRequestData
            guard data.minTargetSoc <= data.maxTargetSoc else { return .minAboveMax }
            if let departure = data.requestedTimeForDeparture {
                if let arrival = data.expectedArrivalTimeAtChargingPoint, departure < arrival { return .departureBeforeArrival }
                if departure < now { return .departureInThePast }
            }
            return nil
        }
    }
}
