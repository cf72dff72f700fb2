extension VDV463 {
    /// One charging point (connector) with what is plugged in and what is scheduled (docs/vdv.md A6).
    public struct ChargingPointInfo: Codable, Equatable, Sendable {
        /// From the depot config.
        public var chargingPointId: String
        /// Mapped from the OCPP connector status.
        public var chargingPointStatus: ChargingPointStatus
        /// Inside the charging equipment, °C.
        public var insideTemperature: Double?
        /// Outside the charging equipment, °C.
        public var outsideTemperature: Double?
        /// Connector temperature, °C (unit unconfirmed).
        public var connectorTemperature: Double?
        /// The limit Busbar currently allows, kW (1.0.0 `presentPower`).
        public var presentPowerLimit: Double?
        /// Meter register, Wh.
        public var energyMeterReading: Double?
        /// The point's fault.
        public var chargingPointFaultInfo: ChargingPointFaultInfo?
        /// The vehicle plugged in.
        public var vehicleInfo: VehicleInfo?
        /// The running process.
        public var chargingProcessInfo: ChargingProcessInfo?
        /// Accepted requests for this point not yet plugged in.
        public var scheduledChargingProcessList: [ScheduledChargingProcess]?

        /// Every field; optional ones default to absent.
        public init(
            chargingPointId: String,
            chargingPointStatus: ChargingPointStatus,
            insideTemperature: Double? = nil,
            outsideTemperature: Double? = nil,
            connectorTemperature: Double? = nil,
            presentPowerLimit: Double? = nil,
            energyMeterReading: Double? = nil,
            chargingPointFaultInfo: ChargingPointFaultInfo? = nil,
            vehicleInfo: VehicleInfo? = nil,
            chargingProcessInfo: ChargingProcessInfo? = nil,
            scheduledChargingProcessList: [ScheduledChargingProcess]? = nil
        ) {
            self.chargingPointId = chargingPointId
            self.chargingPointStatus = chargingPointStatus
            self.insideTemperature = insideTemperature
            self.outsideTemperature = outsideTemperature
            self.connectorTemperature = connectorTemperature
            self.presentPowerLimit = presentPowerLimit
            self.energyMeterReading = energyMeterReading
            self.chargingPointFaultInfo = chargingPointFaultInfo
            self.vehicleInfo = vehicleInfo
            self.chargingProcessInfo = chargingProcessInfo
            self.scheduledChargingProcessList = scheduledChargingProcessList
        }

        /// The 1.0.0 name of `presentPowerLimit`.
        private enum LegacyKeys: String, CodingKey {
            case presentPower
        }

        /// Decodes both versions: `presentPowerLimit` (2.0.0) or `presentPower` (1.0.0).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let legacy = try decoder.container(keyedBy: LegacyKeys.self)
            chargingPointId = try container.decode(String.self, forKey: .chargingPointId)
            chargingPointStatus = try container.decode(ChargingPointStatus.self, forKey: .chargingPointStatus)
            insideTemperature = try container.decodeIfPresent(Double.self, forKey: .insideTemperature)
            outsideTemperature = try container.decodeIfPresent(Double.self, forKey: .outsideTemperature)
            connectorTemperature = try container.decodeIfPresent(Double.self, forKey: .connectorTemperature)
            presentPowerLimit =
                try container.decodeIfPresent(Double.self, forKey: .presentPowerLimit)
                ?? legacy.decodeIfPresent(Double.self, forKey: .presentPower)
            energyMeterReading = try container.decodeIfPresent(Double.self, forKey: .energyMeterReading)
            chargingPointFaultInfo = try container.decodeIfPresent(ChargingPointFaultInfo.self, forKey: .chargingPointFaultInfo)
            vehicleInfo = try container.decodeIfPresent(VehicleInfo.self, forKey: .vehicleInfo)
            chargingProcessInfo = try container.decodeIfPresent(ChargingProcessInfo.self, forKey: .chargingProcessInfo)
            scheduledChargingProcessList =
                try container.decodeIfPresent([ScheduledChargingProcess].self, forKey: .scheduledChargingProcessList)
        }
    }
}
