/// A node of the electrical tree under the grid connection (transformer, feeder, cabinet).
///
/// The tree is stored flat: each circuit names its parent, and the grid connection is the
/// implicit root (`parent == nil`). Limits apply to everything below the node.
public struct Circuit: Hashable, Codable, Sendable, Identifiable {
    public let id: CircuitID
    public let name: String?
    public let parent: CircuitID?
    public let limit: Kilowatts
    /// Non-EV load on this circuit that Busbar should assume when no meter says otherwise.
    public let baseLoad: Kilowatts

    public init(id: CircuitID, name: String? = nil, parent: CircuitID?, limit: Kilowatts, baseLoad: Kilowatts = .zero) {
        self.id = id
        self.name = name
        self.parent = parent
        self.limit = limit
        self.baseLoad = baseLoad
    }
}
