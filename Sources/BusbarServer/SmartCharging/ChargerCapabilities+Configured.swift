public import DepotModel
public import OCPP

extension ChargerCapabilities {
    /// What the depot file says about a charger, before the capability probe after boot: stack
    /// level 0 and a single period (never guessed higher, docs/ocpp.md §13.1), W for DC unless the
    /// charger only takes A, A per phase for AC.
    /// - Parameter version: the version the charger connected with, when known (it wins over
    ///   the file: a profile of the other version would never be sent).
    public init(configured charger: Charger, connector: Connector, version connected: OCPPVersion? = nil) {
        let version: OCPPVersion = connected ?? (charger.ocppVersion == .v16 ? .v16 : .v201)
        let supply: Supply =
            switch connector.kind {
            case .ac: .ac(phases: connector.phases ?? 3, lineToNeutralVolts: Volts.nominalLineToNeutral.value)
            case .dc: .dc(volts: 800)
            }
        let units: Set<RateUnit> = connector.kind == .ac || charger.quirks.contains(.ampereLimitsOnly) ? [.amperes] : [.watts]
        self.init(version: version, supply: supply, allowedUnits: units, maxStackLevel: 0, maxPeriods: 1, minimumWatts: connector.minPower.watts)
    }
}
