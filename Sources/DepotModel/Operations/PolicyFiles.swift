/// Which Lua files decide a depot's policies, and their per-evaluation budgets.
public struct PolicyFiles: Hashable, Codable, Sendable {
    /// The policy folder, resolved against the depot file's folder; `require` stays inside it.
    public let directory: String
    /// Files per domain, relative to `directory`; a missing domain uses the built-in default.
    public let files: [PolicyDomain: String]
    public let instructionBudget: Int
    public let memoryLimitMegabytes: Int

    /// The defaults and the hard ceilings of docs/reliability.md §3.
    public static let defaultInstructionBudget = 1_000_000
    public static let maximumInstructionBudget = 50_000_000
    public static let defaultMemoryLimitMegabytes = 32
    public static let maximumMemoryLimitMegabytes = 256

    public init(
        directory: String, files: [PolicyDomain: String] = [:], instructionBudget: Int = Self.defaultInstructionBudget,
        memoryLimitMegabytes: Int = Self.defaultMemoryLimitMegabytes
    ) {
        self.directory = directory
        self.files = files
        self.instructionBudget = instructionBudget
        self.memoryLimitMegabytes = memoryLimitMegabytes
    }
}
