/// The process settings of `config/busbar.yaml`: listeners, database, which depot files to load,
/// API tokens, retention and logging. Relative paths are read against the working directory
/// `busbar` runs in (the repository root of a depot-as-code checkout).
public struct BusbarSettings: Hashable, Sendable {
    public let listeners: [ListenerSettings]
    /// The SQLite file.
    public let databasePath: String
    /// Depot file patterns: paths, or a folder with `*` in the file name (`config/depots/*.yaml`).
    public let depotPatterns: [String]
    public let apiTokens: [APITokenSettings]
    /// Days to keep the OCPP message log and the policy decision log.
    public let ocppLogRetentionDays: Int
    public let decisionRetentionDays: Int
    public let log: LogSettings

    public init(
        listeners: [ListenerSettings] = [ListenerSettings(address: "0.0.0.0", port: 8180)], databasePath: String = "var/busbar.sqlite",
        depotPatterns: [String] = ["config/depots/*.yaml"], apiTokens: [APITokenSettings] = [], ocppLogRetentionDays: Int = 30,
        decisionRetentionDays: Int = 90, log: LogSettings = LogSettings()
    ) {
        self.listeners = listeners
        self.databasePath = databasePath
        self.depotPatterns = depotPatterns
        self.apiTokens = apiTokens
        self.ocppLogRetentionDays = ocppLogRetentionDays
        self.decisionRetentionDays = decisionRetentionDays
        self.log = log
    }
}
