public import DepotModel

/// Per-evaluation limits of a depot's policies (docs/reliability.md §3), clamped to the hard ceilings.
public struct PolicyBudget: Sendable, Hashable, Codable {
    public let instructions: Int
    public let memoryBytes: Int
    /// The wall-clock deadline checked in the count hook.
    public let wallClockMilliseconds: Int

    /// The defaults: 1 000 000 instructions, 32 MiB, 50 ms.
    public static let standard = PolicyBudget()

    /// Values outside the hard ceilings (and below sane minimums) are clamped, never refused.
    public init(
        instructions: Int = PolicyFiles.defaultInstructionBudget,
        memoryMegabytes: Int = PolicyFiles.defaultMemoryLimitMegabytes, wallClockMilliseconds: Int = 50
    ) {
        self.instructions = min(max(instructions, 1_000), PolicyFiles.maximumInstructionBudget)
        self.memoryBytes = min(max(memoryMegabytes, 1), PolicyFiles.maximumMemoryLimitMegabytes) << 20
        self.wallClockMilliseconds = min(max(wallClockMilliseconds, 1), 1_000)
    }

    /// The budgets a depot file configures.
    public init(_ files: PolicyFiles) {
        self.init(instructions: files.instructionBudget, memoryMegabytes: files.memoryLimitMegabytes)
    }
}
