/// The OCPP generation a charger speaks. Lives in the model (not in `OCPP`) because the depot
/// file declares it per charger and the runtime chooses profile units by it.
public enum OCPPProtocolVersion: String, Hashable, Codable, Sendable, CaseIterable {
    case v16 = "1.6"
    case v201 = "2.0.1"
}
