extension VDV463 {
    /// Root of the PCI tree: one depot (docs/vdv.md A6).
    public struct DepotInfo: Codable, Equatable, Sendable {
        /// From the depot config.
        public var depotId: String
        /// Human-readable depot name.
        public var name: String?
        /// The depot's stations visible to the presystem.
        public var chargingStationInfoList: [ChargingStationInfo]

        /// Every field; optional ones default to absent.
        public init(depotId: String, name: String? = nil, chargingStationInfoList: [ChargingStationInfo]) {
            self.depotId = depotId
            self.name = name
            self.chargingStationInfoList = chargingStationInfoList
        }
    }
}
