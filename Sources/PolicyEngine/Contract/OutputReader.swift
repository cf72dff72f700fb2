/// Reads a policy's returned `LuaValue` against the contract's shapes. Every error names the path
/// of the offending value (`result[12].priority: expected integer, got string`) and the policy
/// function's file and line.
struct OutputReader {
    let file: String?
    let line: Int?

    func failure(_ path: String, _ problem: String) -> PolicyError {
        PolicyError(kind: .invalidOutput, file: file, line: line, detail: "\(path): \(problem)")
    }

    func mismatch(_ path: String, expected: String, got value: LuaValue) -> PolicyError {
        failure(path, "expected \(expected), got \(value.typeName)")
    }

    /// The sequence of a table; a table with other keys is refused.
    func sequence(_ value: LuaValue, at path: @autoclosure () -> String) throws -> [LuaValue] {
        guard case .table(let sequence, let fields) = value else { throw mismatch(path(), expected: "table", got: value) }
        if !fields.isEmpty, let key = fields.keys.sorted().first { throw failure("\(path()).\(key)", "unexpected key in a list") }
        return sequence
    }

    /// The named fields of a table; keys outside `allowed` are refused, which catches typos.
    func fields(_ value: LuaValue, at path: @autoclosure () -> String, allowed: [String]) throws -> LuaFields {
        guard case .table(let sequence, let fields) = value else { throw mismatch(path(), expected: "table", got: value) }
        if !sequence.isEmpty { throw failure("\(path())[1]", "unexpected list item") }
        if fields.keys.contains(where: { !allowed.contains($0) }), let key = fields.keys.filter({ !allowed.contains($0) }).sorted().first {
            throw failure("\(path()).\(key)", "unknown field")
        }
        return fields
    }

    func integer(_ value: LuaValue?, at path: @autoclosure () -> String) throws -> Int? {
        switch value {
        case nil, .nil?: return nil
        case .integer(let number)?: return Int(number)
        case .number(let number)? where number == number.rounded() && abs(number) < 1e15: return Int(number)
        case let other?: throw mismatch(path(), expected: "integer", got: other)
        }
    }

    func number(_ value: LuaValue?, at path: @autoclosure () -> String) throws -> Double? {
        switch value {
        case nil, .nil?: return nil
        case .integer(let number)?: return Double(number)
        case .number(let number)? where number.isFinite: return number
        case .number?: throw failure(path(), "expected a finite number")
        case let other?: throw mismatch(path(), expected: "number", got: other)
        }
    }

    func string(_ value: LuaValue?, at path: @autoclosure () -> String, maximumLength: Int = 2_000) throws -> String? {
        switch value {
        case nil, .nil?: return nil
        case .string(let text)?: return Self.capped(text, maximumLength: maximumLength)
        case let other?: throw mismatch(path(), expected: "string", got: other)
        }
    }

    /// Text cut to `maximumLength` characters, so a policy cannot flood records and messages.
    static func capped(_ text: String, maximumLength: Int = 2_000) -> String {
        text.utf8.count > maximumLength ? String(text.prefix(maximumLength)) : text
    }

    func boolean(_ value: LuaValue?, at path: @autoclosure () -> String) throws -> Bool? {
        switch value {
        case nil, .nil?: return nil
        case .boolean(let flag)?: return flag
        case let other?: throw mismatch(path(), expected: "boolean", got: other)
        }
    }

    /// A string naming a case of `Choice`.
    func choice<Choice: RawRepresentable & CaseIterable>(_ value: LuaValue?, at path: @autoclosure () -> String) throws -> Choice?
    where Choice.RawValue == String {
        guard let text = try string(value, at: path()) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            let names = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: "|")
            throw failure(path(), "expected \(names), got \"\(text)\"")
        }
        return choice
    }

    func required<Value>(_ value: Value?, at path: @autoclosure () -> String, _ expected: String) throws -> Value {
        guard let value else { throw failure(path(), "missing (\(expected))") }
        return value
    }
}
