public import DepotModel

/// The depot as policies see it (`ctx.depot`). Property names follow the Lua field names, so the
/// JSON snapshot in a decision record and a state fixture have the shape of `ctx`.
public struct DepotView: Codable, Sendable, Hashable {
    public var id: DepotID
    /// An IANA time zone name; `time.at` resolves local times in it.
    public var timezone: String
    public var grid: GridView
    /// Outside temperature in °C, when a sensor or forecast reports it.
    public var ambientC: Double?

    public init(id: DepotID, timezone: String, grid: GridView, ambientC: Double? = nil) {
        self.id = id
        self.timezone = timezone
        self.grid = grid
        self.ambientC = ambientC
    }
}
