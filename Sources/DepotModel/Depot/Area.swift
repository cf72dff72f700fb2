/// A group of bays (usually a hall or a yard), used to bind tenants to places and to draw the map.
public struct Area: Hashable, Codable, Sendable, Identifiable {
    public let id: AreaID
    public let name: String

    public init(id: AreaID, name: String) {
        self.id = id
        self.name = name
    }
}
