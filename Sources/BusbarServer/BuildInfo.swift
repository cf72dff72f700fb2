internal import PolicyEngine
internal import Storage

/// What this build of Busbar is made of, printed by `busbar version` and useful in bug reports.
public struct BuildInfo: Sendable, CustomStringConvertible {
    /// Busbar's own version (semantic versioning).
    public static let version = "0.1.0"

    public let busbar: String
    public let lua: String
    public let sqlite: String

    /// Reads the linked Lua and SQLite versions.
    public static func current() -> BuildInfo {
        BuildInfo(busbar: version, lua: LuaRuntime.release, sqlite: (try? BusbarDatabase.sqliteVersion()) ?? "unknown")
    }

    public var description: String {
        "busbar \(busbar)\nlua \(lua)\nsqlite \(sqlite)"
    }
}
