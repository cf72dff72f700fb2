public import DepotModel
public import Foundation
import Yams

/// Reads policy case tables (`*_test.yaml` next to the policies) into `PolicyTestCase` values:
///
/// ```yaml
/// policy: priority.lua          # the file under test, relative to this table
/// domain: priority
/// state: states/night.yaml      # a state file (relative to this table) or an inline mapping
/// cases:
///   - name: fleet first
///     now: 1800043200           # optional, replaces ctx.now
///     overrides: { ctx: { … } } # optional, deep-merged into the state
///     expect: [ { priority: 4 } ]
/// ```
/// Errors are `ConfigIssue`s with file, line and key path.
public enum PolicyCaseLoader {
    /// Loads one case table.
    /// - Parameter url: the `*_test.yaml` file; `policy` and a state file are resolved against its folder.
    public static func load(_ url: URL) throws -> [PolicyTestCase] {
        let file = url.path
        let root = try parse(file: file)
        let table = try mapping(root, file: file, path: "")
        let policy = try scalar(table["policy"], in: root, file: file, path: "policy")
        let domainName = try scalar(table["domain"], in: root, file: file, path: "domain")
        guard let domain = PolicyDomain(rawValue: domainName) else {
            throw issue(
                table["domain"] ?? root, file: file, path: "domain",
                "expected one of \(PolicyDomain.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let state = try loadState(table["state"], in: root, folder: url.deletingLastPathComponent(), file: file)
        guard let cases = table["cases"], case .sequence(let items) = cases else {
            throw issue(table["cases"] ?? root, file: file, path: "cases", "expected a list of cases")
        }
        return try items.enumerated().map { index, node in
            let path = "cases[\(index)]"
            let fields = try mapping(node, file: file, path: path)
            guard fields.keys.contains("expect") else { throw issue(node, file: file, path: "\(path).expect", "missing") }
            let now = try fields["now"].map { value -> Date in
                guard let seconds = value.float else { throw issue(value, file: file, path: "\(path).now", "expected Unix seconds") }
                return Date(timeIntervalSince1970: seconds)
            }
            return PolicyTestCase(
                name: try scalar(fields["name"], in: node, file: file, path: "\(path).name"), domain: domain, policy: policy,
                state: state, now: now, overrides: try fields["overrides"].map { try settingValue($0, file: file, path: "\(path).overrides") },
                expect: try fields["expect"].flatMap { try optionalSettingValue($0, file: file, path: "\(path).expect") },
                source: "\(file):\((node.mark?.line ?? 0))")
        }
    }

    /// Loads a state file (`{ctx = …, ev = …}`) on its own, for `busbar policy eval --state`.
    public static func state(at url: URL) throws -> SettingValue {
        try settingValue(try parse(file: url.path), file: url.path, path: "")
    }

    private static func parse(file: String) throws -> Node {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ConfigIssue(file: file, line: 0, column: 0, keyPath: "", message: "cannot read: \(error.localizedDescription)")
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigIssue(file: file, line: 1, column: 1, keyPath: "", message: "empty file")
            }
            return node
        } catch let error as YamlError {
            throw ConfigIssue(file: file, line: 0, column: 0, keyPath: "", message: "\(error)")
        }
    }

    private static func loadState(_ node: Node?, in parent: Node, folder: URL, file: String) throws -> SettingValue {
        guard let node else { throw issue(parent, file: file, path: "state", "missing") }
        if case .scalar(let scalar) = node {
            let stateFile = folder.appendingPathComponent(scalar.string).path
            return try settingValue(try parse(file: stateFile), file: stateFile, path: "")
        }
        return try settingValue(node, file: file, path: "state")
    }

    private static func mapping(_ node: Node, file: String, path: String) throws -> [String: Node] {
        guard case .mapping(let mapping) = node else { throw issue(node, file: file, path: path, "expected a mapping") }
        var result: [String: Node] = [:]
        for (key, value) in mapping { result[key.string ?? ""] = value }
        return result
    }

    private static func scalar(_ node: Node?, in parent: Node, file: String, path: String) throws -> String {
        guard let node else { throw issue(parent, file: file, path: path, "missing") }
        guard case .scalar(let scalar) = node else { throw issue(node, file: file, path: path, "expected a text value") }
        return scalar.string
    }

    private static func optionalSettingValue(_ node: Node, file: String, path: String) throws -> SettingValue? {
        if case .scalar = node, node.null != nil { return nil }
        return try settingValue(node, file: file, path: path)
    }

    /// A YAML node as a settings tree; `null` is refused inside a tree (policies see nil as absent).
    static func settingValue(_ node: Node, file: String, path: String) throws -> SettingValue {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if let flag = node.bool { return .bool(flag) }
                if let number = node.int { return .number(Double(number)) }
                if let number = node.float { return .number(number) }
                if node.null != nil { throw issue(node, file: file, path: path, "null is not allowed here; leave the key out") }
            }
            return .string(scalar.string)
        case .mapping(let mapping):
            var table: [String: SettingValue] = [:]
            for (key, value) in mapping {
                let name = key.string ?? ""
                table[name] = try settingValue(value, file: file, path: path.isEmpty ? name : "\(path).\(name)")
            }
            return .table(table)
        case .sequence(let sequence):
            return .list(try sequence.enumerated().map { try settingValue($1, file: file, path: "\(path)[\($0)]") })
        case .alias:
            throw issue(node, file: file, path: path, "aliases are not supported")
        }
    }

    private static func issue(_ node: Node, file: String, path: String, _ message: String) -> ConfigIssue {
        ConfigIssue(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, keyPath: path, message: message)
    }
}
