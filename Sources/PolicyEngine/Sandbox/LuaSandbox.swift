import CLua
import CLuaSupport

/// One sandboxed Lua state holding one compiled policy revision (docs/reliability.md §3).
///
/// Not `Sendable`: it is owned by the `PolicyEngine` actor. Swift enters Lua only through
/// `clua_sandbox_call` (a C `lua_pcall` wrapper) and every function Lua can call is C, so a Lua
/// error never unwinds through a Swift frame. After a budget or memory error the state is
/// discarded and rebuilt by the owner.
final class LuaSandbox {
    let state: OpaquePointer
    private let accounting: UnsafeMutablePointer<clua_accounting>

    /// Opens a sandbox with the given budgets, or `nil` when Lua cannot even start.
    init?(budget: PolicyBudget) {
        accounting = .allocate(capacity: 1)
        accounting.initialize(to: clua_accounting())
        accounting.pointee.limit = budget.memoryBytes
        accounting.pointee.budget = Int64(budget.instructions)
        accounting.pointee.wall_budget_ns = Int64(budget.wallClockMilliseconds) * 1_000_000
        guard let state = clua_sandbox_open(accounting) else {
            accounting.deallocate()
            return nil
        }
        self.state = state
    }

    deinit {
        lua_close(state)
        accounting.deallocate()
    }

    /// The line where the function of the last call is defined, for output errors.
    var functionLine: Int? { accounting.pointee.function_line > 0 ? Int(accounting.pointee.function_line) : nil }

    /// Compiles one file of the revision as text, under the memory cap.
    /// - Returns: the error message (`file:line: message`) when the file does not compile.
    func compile(path: String, chunkName: String, text: String) -> String? {
        var text = text
        let status = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { clua_sandbox_load(state, path, chunkName, $0.baseAddress, $0.count) }
        }
        defer { lua_settop(state, 0) }
        return status == LUA_OK ? nil : String(cString: clua_tostring(state, -1))
    }

    /// Runs `function` of the module at `path` with the arguments `pushArguments` pushes (it
    /// returns how many), under the instruction, wall-clock and memory budgets; `read` turns the
    /// returned value (on top of the stack) into `Output`, outside the protected call.
    func call<Output>(
        path: String, function: String, explain: Bool, pushArguments: (LuaWriter) -> Int32, read: (OpaquePointer) -> Output
    ) -> LuaCallResult<Output> {
        accounting.pointee.explain = explain ? 1 : 0
        accounting.pointee.peak = accounting.pointee.used
        clua_sandbox_prepare(state, path, function)
        let count = pushArguments(LuaWriter(state: state))
        let status = clua_sandbox_call(state, count)
        defer { lua_settop(state, 0) }
        let usage = LuaUsage(
            instructions: Int(accounting.pointee.instructions), memoryBytes: accounting.pointee.peak)
        let outcome: LuaCallResult<Output>.Outcome
        switch status {
        case LUA_OK:
            let found = lua_toboolean(state, -2) != 0
            outcome = found ? .returned(read(state)) : .missing
        case CLUA_ERRBUDGET:
            outcome = .failed(.budget, message(at: -1))
        case CLUA_ERRMEMORY:
            outcome = .failed(.memory, message(at: -1))
        default:
            outcome = .failed(.runtime, message(at: -1))
        }
        return LuaCallResult(outcome: outcome, usage: usage, log: readLog(), trace: readTrace(), lines: readLines(explain))
    }

    private func message(at index: Int32) -> String {
        guard let text = clua_tostring(state, index) else { return "(no error message)" }
        return String(cString: text)
    }

    private func readLog() -> [String] {
        clua_sandbox_push_log(state)
        defer { clua_pop(state, 1) }
        guard case .table(let lines, _) = LuaReader(state: state).value(at: -1) else { return [] }
        return lines.compactMap { if case .string(let line) = $0 { line } else { nil } }
    }

    private func readTrace() -> [(String, LuaValue)] {
        clua_sandbox_push_trace(state)
        defer { clua_pop(state, 1) }
        guard case .table(let entries, _) = LuaReader(state: state).value(at: -1) else { return [] }
        return entries.compactMap { entry in
            guard case .table(let pair, _) = entry, case .string(let name) = pair.first else { return nil }
            return (name, pair.count > 1 ? pair[1] : .nil)
        }
    }

    private func readLines(_ explain: Bool) -> [String: Int] {
        guard explain else { return [:] }
        clua_sandbox_push_lines(state)
        defer { clua_pop(state, 1) }
        guard case .table(_, let fields) = LuaReader(state: state).value(at: -1) else { return [:] }
        return fields.compactMapValues { if case .integer(let hits) = $0 { Int(hits) } else { nil } }
    }
}
