public import DepotModel
public import OCPP

/// A station whose upgrade passed every check: who it is and which OCPP version was negotiated.
public struct StationAdmission: Sendable {
    public let entry: StationDirectory.Entry
    public let version: OCPPVersion

    public var identity: ChargerID { entry.charger.id }
}
