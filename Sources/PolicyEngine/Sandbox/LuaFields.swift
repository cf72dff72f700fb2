/// The non-sequence keys of a Lua table read back, in a small array: result tables have a
/// handful of keys, and a linear search beats hashing there (reading results back dominated the
/// evaluation with a dictionary per table).
struct LuaFields: Sendable, Hashable, Sequence {
    struct Entry: Sendable, Hashable {
        let key: String
        let value: LuaValue
    }

    private(set) var entries: [Entry] = []

    subscript(key: String) -> LuaValue? { entries.first { $0.key == key }?.value }

    var isEmpty: Bool { entries.isEmpty }
    var keys: [String] { entries.map(\.key) }

    /// Adds a key that is not present yet (keys from `lua_next` are unique).
    mutating func append(_ key: String, _ value: LuaValue) { entries.append(Entry(key: key, value: value)) }

    func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }

    func compactMapValues<T>(_ transform: (LuaValue) -> T?) -> [String: T] {
        var result: [String: T] = [:]
        for entry in entries { if let value = transform(entry.value) { result[entry.key] = value } }
        return result
    }

    func filter(_ isIncluded: (Entry) -> Bool) -> LuaFields { LuaFields(entries: entries.filter(isIncluded)) }

    /// Equal when they hold the same keys and values, in any order.
    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.entries.count == rhs.entries.count && lhs.entries.allSatisfy { rhs[$0.key] == $0.value }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(entries.count) }
}
