extension VDV463 {
    /// Payload of Busbar's ProvideChargingInformation, sent every 15 s (docs/vdv.md A4, A6).
    public struct ProvideChargingInformationRequest: Codable, Equatable, Sendable {
        /// The depots visible to the presystem.
        public var depotInfoList: [DepotInfo]
        /// Requests Busbar refused, repeated until the presystem drops or corrects them (2.0.0).
        public var rejectedChargingRequestInfoList: [RejectedChargingRequestInfo]

        /// Every field; optional ones default to absent.
        public init(depotInfoList: [DepotInfo], rejectedChargingRequestInfoList: [RejectedChargingRequestInfo] = []) {
            self.depotInfoList = depotInfoList
            self.rejectedChargingRequestInfoList = rejectedChargingRequestInfoList
        }

        /// Decodes both versions; 1.0.0 has no rejected list.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            depotInfoList = try container.decode([DepotInfo].self, forKey: .depotInfoList)
            rejectedChargingRequestInfoList =
                try container.decodeIfPresent([RejectedChargingRequestInfo].self, forKey: .rejectedChargingRequestInfoList) ?? []
        }
    }
}
