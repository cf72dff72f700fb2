/// Collects the issues of one file while it is read, so all of them are reported together.
final class IssueLog {
    let file: String
    private(set) var issues: [ConfigIssue] = []

    init(file: String) { self.file = file }

    func report(_ message: String, at node: ConfigNode) {
        report(message, line: node.line, column: node.column, keyPath: node.path)
    }

    func report(_ message: String, line: Int, column: Int, keyPath: String) {
        issues.append(ConfigIssue(file: file, line: line, column: column, keyPath: keyPath, message: message))
    }
}
