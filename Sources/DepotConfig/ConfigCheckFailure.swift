/// Everything wrong with one or more configuration files, in file and line order.
public struct ConfigCheckFailure: Error, Sendable, CustomStringConvertible {
    public let issues: [ConfigIssue]

    public init(issues: [ConfigIssue]) {
        self.issues = issues.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
