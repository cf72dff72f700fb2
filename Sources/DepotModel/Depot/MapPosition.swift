/// Where a charger is drawn on the live depot map, in the depot file's grid units.
public struct MapPosition: Hashable, Codable, Sendable {
    public let x: Double
    public let y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
