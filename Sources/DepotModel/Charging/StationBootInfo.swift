/// What a charging station says about itself when it boots (OCPP BootNotification), kept for the
/// charger registry and troubleshooting.
public struct StationBootInfo: Hashable, Codable, Sendable {
    public let vendor: String
    public let model: String
    public let serialNumber: String?
    public let firmwareVersion: String?

    public init(vendor: String, model: String, serialNumber: String? = nil, firmwareVersion: String? = nil) {
        self.vendor = vendor
        self.model = model
        self.serialNumber = serialNumber
        self.firmwareVersion = firmwareVersion
    }
}
