/// The small key store a simulated station exposes through 1.6 GetConfiguration /
/// ChangeConfiguration and, under component.variable names, 2.0.1 GetVariables / SetVariables.
public struct ConfigurationStore: Hashable, Sendable {
    /// One key: its text value and whether the CSMS may change it.
    public struct Entry: Hashable, Sendable {
        /// The value as OCPP text.
        public var value: String
        /// Whether ChangeConfiguration / SetVariables must refuse it.
        public var readonly: Bool
    }

    /// The outcome of a change, common to both versions.
    public enum ChangeOutcome: Hashable, Sendable {
        case accepted
        case rejected
        case unknownKey
    }

    /// Every key by its 1.6 name.
    public private(set) var entries: [String: Entry]

    /// 2.0.1 `Component.Variable` names of the 1.6 keys.
    static let variableKeys: [String: String] = [
        "SmartChargingCtrlr.ProfileStackLevel": "ChargeProfileMaxStackLevel",
        "SmartChargingCtrlr.RateUnit": "ChargingScheduleAllowedChargingRateUnit",
        "SmartChargingCtrlr.PeriodsPerSchedule": "ChargingScheduleMaxPeriods",
        "SmartChargingCtrlr.Entries": "MaxChargingProfilesInstalled",
        "SmartChargingCtrlr.Available": "SmartChargingAvailable",
        "SmartChargingCtrlr.Enabled": "SmartChargingEnabled",
        "SampledDataCtrlr.TxUpdatedInterval": "MeterValueSampleInterval",
        "SampledDataCtrlr.TxUpdatedMeasurands": "MeterValuesSampledData",
        "SecurityCtrlr.BasicAuthPassword": "AuthorizationKey",
        "OCPPCommCtrlr.HeartbeatInterval": "HeartbeatInterval",
        "OCPPCommCtrlr.MessageAttempts": "TransactionMessageAttempts",
        "OCPPCommCtrlr.MessageAttemptInterval": "TransactionMessageRetryInterval",
    ]

    /// The keys of a station with `connectors` connectors and the given password.
    public init(connectors: Int, password: String) {
        entries = [
            "ChargeProfileMaxStackLevel": Entry(value: "3", readonly: true),
            "ChargingScheduleAllowedChargingRateUnit": Entry(value: "Current,Power", readonly: true),
            "ChargingScheduleMaxPeriods": Entry(value: "24", readonly: true),
            "MaxChargingProfilesInstalled": Entry(value: "16", readonly: true),
            "SmartChargingAvailable": Entry(value: "true", readonly: true),
            "SmartChargingEnabled": Entry(value: "true", readonly: false),
            "NumberOfConnectors": Entry(value: String(connectors), readonly: true),
            "SupportedFeatureProfiles": Entry(value: "Core,SmartCharging,Reservation,RemoteTrigger", readonly: true),
            "ConnectorSwitch3to1PhaseSupported": Entry(value: "false", readonly: true),
            "MeterValueSampleInterval": Entry(value: "60", readonly: false),
            "MeterValuesSampledData": Entry(value: "Energy.Active.Import.Register,Power.Active.Import,SoC,Current.Import", readonly: false),
            "HeartbeatInterval": Entry(value: "300", readonly: false),
            "TransactionMessageAttempts": Entry(value: "3", readonly: false),
            "TransactionMessageRetryInterval": Entry(value: "60", readonly: false),
            "AuthorizationKey": Entry(value: password, readonly: false),
        ]
    }

    /// The value of a 1.6 key.
    public subscript(key: String) -> String? { entries[key]?.value }

    /// An integer key, or `fallback` when absent or not a number.
    func integer(_ key: String, fallback: Int) -> Int { self[key].flatMap { Int($0) } ?? fallback }

    /// Changes a writable key; numeric keys accept only non-negative integers.
    public mutating func change(_ key: String, to value: String) -> ChangeOutcome {
        guard let entry = entries[key] else { return .unknownKey }
        if entry.readonly { return .rejected }
        if Int(entry.value) != nil, (Int(value) ?? -1) < 0 { return .rejected }
        entries[key] = Entry(value: value, readonly: false)
        return .accepted
    }

    /// The 1.6 key behind a 2.0.1 component and variable name.
    static func key(component: String, variable: String) -> String? { variableKeys["\(component).\(variable)"] }

    /// Whether any 2.0.1 variable belongs to `component`.
    static func knowsComponent(_ component: String) -> Bool { variableKeys.keys.contains { $0.hasPrefix(component + ".") } }
}
