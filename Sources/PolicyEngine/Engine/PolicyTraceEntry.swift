/// One `trace(name, value)` call of a policy, the value as JSON text.
public struct PolicyTraceEntry: Sendable, Hashable, Codable {
    public let name: String
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
