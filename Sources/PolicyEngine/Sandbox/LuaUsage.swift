/// Resources one evaluation used, for the decision record.
struct LuaUsage: Sendable, Hashable {
    /// Instructions counted by the hook, in steps of 1 000.
    let instructions: Int
    /// Peak bytes held by the state during the call.
    let memoryBytes: Int
}
