/// Whether a connector delivers DC (limits in W) or AC (limits in A per phase).
public enum ConnectorKind: String, Hashable, Codable, Sendable, CaseIterable {
    case dc
    case ac
}
