internal import CLua
internal import CLuaSupport

/// Facts about the Lua interpreter Busbar runs policies in, for `busbar version` and bug reports.
public enum LuaRuntime {
    /// The release text the headers were built against, e.g. `Lua 5.4.4`.
    public static var release: String { String(cString: clua_release()) }

    /// The version number of the library linked at run time (504 for Lua 5.4).
    public static var linkedVersion: Int { Int(clua_linked_version()) }
}
