/// One problem in a configuration file, located exactly: `file:line:col key.path: message`.
///
/// The loader collects every issue of a file before it reports, so an operator fixes them in one go.
public struct ConfigIssue: Error, Hashable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based line and column of the offending node (of the mapping that lacks a key, for a missing key).
    public let line: Int
    public let column: Int
    /// The key path from the document root, e.g. `chargers[3].connectors[0].max_kw`.
    public let keyPath: String
    public let message: String

    public init(file: String, line: Int, column: Int, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        "\(file):\(line):\(column) \(keyPath.isEmpty ? "(document)" : keyPath): \(message)"
    }
}
