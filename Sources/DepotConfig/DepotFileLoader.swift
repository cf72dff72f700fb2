public import DepotModel
public import Foundation

/// Loads depot files (`config/depots/<id>.yaml`, docs/depot-config.md) into validated `Depot` values.
///
/// Every problem of a file is reported at once, each with file, line, column and key path; unknown
/// keys are errors, references must resolve, circuit limits and tenant budgets must add up.
public enum DepotFileLoader {
    /// Loads and validates one depot file.
    /// - Parameter path: the file as the operator named it; issues quote this path.
    public static func load(path: String) throws(ConfigCheckFailure) -> Depot {
        let log = IssueLog(file: path)
        guard let text = YAMLDocument.text(of: path, log: log) else { throw ConfigCheckFailure(issues: log.issues) }
        return try load(yaml: text, file: path, folder: URL(fileURLWithPath: path).deletingLastPathComponent())
    }

    /// Loads and validates depot YAML held in memory.
    /// - Parameters:
    ///   - file: the name issues should carry.
    ///   - folder: the folder relative paths (policies) resolve against.
    public static func load(yaml: String, file: String, folder: URL) throws(ConfigCheckFailure) -> Depot {
        let log = IssueLog(file: file)
        var reader = DepotFileReader(log: log, folder: folder)
        guard let root = YAMLDocument.root(of: yaml, file: file, log: log), let depot = reader.read(root), log.issues.isEmpty else {
            throw ConfigCheckFailure(issues: log.issues)
        }
        return depot
    }
}
