import DepotModel
public import Foundation
import Yams

/// The check behind `busbar config check`: every named file (folders expand to their YAML files),
/// plus the depot files a settings file lists, and the rules that span files (unique depot ids,
/// API tokens naming existing tenants).
public enum ConfigurationCheck {
    /// - Parameter paths: files or folders, as the operator typed them.
    /// - Returns: the files that passed, and every issue found (empty when all is valid).
    public static func run(
        paths: [String], workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    )
        -> (checked: [CheckedFile], issues: [ConfigIssue])
    {
        var queue = paths.flatMap(expand)
        var seen: Set<String> = []
        var checked: [CheckedFile] = []
        var issues: [ConfigIssue] = []
        while !queue.isEmpty {
            let path = queue.removeFirst()
            guard seen.insert(URL(fileURLWithPath: path).standardizedFileURL.path).inserted else { continue }
            do {
                if try isDepotFile(path) {
                    checked.append(CheckedFile(path: path, content: .depot(try DepotFileLoader.load(path: path))))
                } else {
                    let settings = try SettingsFileLoader.load(path: path)
                    checked.append(CheckedFile(path: path, content: .settings(settings)))
                    let listed = SettingsFileLoader.depotFiles(of: settings, relativeTo: workingDirectory).map {
                        displayPath($0, in: workingDirectory)
                    }
                    if listed.isEmpty {
                        issues.append(ConfigIssue(file: path, line: 1, column: 1, keyPath: "depots", message: "the patterns match no depot file"))
                    }
                    queue.append(contentsOf: listed)
                }
            } catch {
                issues.append(contentsOf: error.issues)
            }
        }
        issues.append(contentsOf: crossFileIssues(checked))
        return (checked, ConfigCheckFailure(issues: issues).issues)
    }

    /// A depot file listed relative to the working directory, as short as it can be printed.
    private static func displayPath(_ path: String, in workingDirectory: URL) -> String {
        let absolute = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)).standardizedFileURL.path
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path + "/"
        return absolute.hasPrefix(current) ? String(absolute.dropFirst(current.count)) : absolute
    }

    private static func expand(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let enumerator = FileManager.default.enumerator(atPath: path)
        var files: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") { files.append((path as NSString).appendingPathComponent(relative)) }
        }
        return files.sorted()
    }

    /// A depot file has a top-level `depot` key; anything else is read as process settings.
    private static func isDepotFile(_ path: String) throws(ConfigCheckFailure) -> Bool {
        let log = IssueLog(file: path)
        guard let text = YAMLDocument.text(of: path, log: log), let root = YAMLDocument.root(of: text, file: path, log: log) else {
            throw ConfigCheckFailure(issues: log.issues)
        }
        guard case .mapping(let mapping) = root.node else { return false }
        return mapping.keys.contains { $0.string == "depot" }
    }

    private static func crossFileIssues(_ checked: [CheckedFile]) -> [ConfigIssue] {
        var issues: [ConfigIssue] = []
        var depotFiles: [DepotID: String] = [:]
        var tenants: Set<TenantID> = []
        for file in checked {
            guard case .depot(let depot) = file.content else { continue }
            if let other = depotFiles[depot.id] {
                let mark = position(of: ["depot", "id"], in: file.path)
                issues.append(
                    ConfigIssue(
                        file: file.path, line: mark.line, column: mark.column, keyPath: "depot.id",
                        message: "depot id \(depot.id) is also used by \(other)"))
            } else {
                depotFiles[depot.id] = file.path
            }
            tenants.formUnion(depot.tenants.map(\.id))
        }
        guard !depotFiles.isEmpty else { return issues }
        for file in checked {
            guard case .settings(let settings) = file.content else { continue }
            for (index, token) in settings.apiTokens.enumerated() {
                if case .tenant(let tenant) = token.scope, !tenants.contains(tenant) {
                    let mark = position(of: ["api", "tokens", String(index), "tenant"], in: file.path)
                    issues.append(
                        ConfigIssue(
                            file: file.path, line: mark.line, column: mark.column, keyPath: "api.tokens[\(index)].tenant",
                            message: "unknown tenant \(tenant)"))
                }
            }
        }
        return issues
    }

    /// The line and column of a key path in a file that has already parsed once.
    private static func position(of path: [String], in file: String) -> (line: Int, column: Int) {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8), var node = try? Yams.compose(yaml: text) else { return (1, 1) }
        for key in path {
            if let index = Int(key), case .sequence(let sequence) = node, index < sequence.count {
                node = sequence[index]
            } else if case .mapping(let mapping) = node, let next = mapping[key] {
                node = next
            }
        }
        return (node.mark?.line ?? 1, node.mark?.column ?? 1)
    }
}
