/// Why a policy did not decide: where it failed (file and line, when known) and what happened.
/// The message reads like Lua's, `policies/nord/priority.lua:12: attempt to index a nil value`.
public struct PolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The failure classes of docs/reliability.md §3; each one makes the default decide.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The file does not compile, is binary, or does not return a table of functions.
        case compile
        /// The policy raised an error.
        case runtime
        /// The instruction budget or the wall-clock deadline was spent.
        case budget
        /// The state's memory cap was hit.
        case memory
        /// The result does not have the contract's shape.
        case invalidOutput
        /// An evaluation ran over the watchdog limit; the policy stays off until a reload.
        case watchdog
        /// A case of the revision's `*_test.yaml` tables failed, so a reload did not swap it in.
        case failedCase
    }

    public let kind: Kind
    /// `file:line: message`, the first line of Lua's error.
    public let message: String
    /// The policy file, e.g. `policies/nord/priority.lua`, when known.
    public let file: String?
    public let line: Int?
    /// Lua's traceback, for `--explain` and the logs.
    public let traceback: String?

    public var description: String { message }

    /// Builds an error from Lua's message (first line `file:line: text`, then a traceback). A message
    /// without a position (e.g. `error(x, 0)`) gets the first policy frame of the traceback.
    init(kind: Kind, luaMessage: String) {
        let lines = luaMessage.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var first = lines.first ?? luaMessage
        if Self.location(in: first)?.line == nil,
            let frame = lines.dropFirst().lazy.map({ String($0.trimmingPrefix(while: \.isWhitespace)) }).first(where: {
                Self.location(in: $0)?.line != nil
            }),
            let location = Self.location(in: frame), let line = location.line
        {
            first = first.hasPrefix(location.file + ":") ? first : "\(location.file):\(line): \(first)"
        }
        let location = Self.location(in: first)
        self.kind = kind
        self.message = first
        self.file = location?.file
        self.line = location?.line
        self.traceback = lines.count > 1 ? lines.dropFirst().joined(separator: "\n") : nil
    }

    /// A failed case of a case table: the table's file and the case's line, its name and what
    /// differed (`policies/nord/priority_test.yaml:12: case "fleet first": result[1].priority: …`).
    init(failedCase result: PolicyCaseResult) {
        let location = result.source.split(separator: ":", omittingEmptySubsequences: false)
        let line = location.count > 1 ? Int(location.last!) : nil
        let file = line == nil ? result.source : location.dropLast().joined(separator: ":")
        self.init(kind: .failedCase, file: file, line: line, detail: "case \"\(result.name)\": \(result.failures.joined(separator: "; "))")
    }

    /// An error Busbar found itself, at a known place.
    init(kind: Kind, file: String?, line: Int?, detail: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.traceback = nil
        switch (file, line) {
        case (let file?, let line?): message = "\(file):\(line): \(detail)"
        case (let file?, nil): message = "\(file): \(detail)"
        default: message = detail
        }
    }

    /// `policies/…/x.lua:12` (or just `policies/…/x.lua:`) at the start of a line of Lua's
    /// message or traceback. The folder is whatever the revision names (`busbar policy` shows
    /// folders relative to where it runs), so any path without spaces before `.lua:` counts.
    private static func location(in text: String) -> (file: String, line: Int?)? {
        guard let luaEnd = text.firstRange(of: ".lua:"), !text[..<luaEnd.lowerBound].contains(" ") else { return nil }
        let digits = text[luaEnd.upperBound...].prefix(while: \.isNumber)
        return (String(text[..<luaEnd.lowerBound]) + ".lua", Int(digits))
    }
}
