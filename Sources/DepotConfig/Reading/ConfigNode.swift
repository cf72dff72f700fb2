import Yams

/// A YAML node together with where it stands: its key path from the root and its position.
///
/// Every accessor reports a located issue to the log and returns nil when the node is not what the
/// format expects, so the loader keeps going and finds every mistake of a file in one pass.
struct ConfigNode {
    let node: Node
    let path: String
    let log: IssueLog

    var line: Int { node.mark?.line ?? 1 }
    /// The resolved YAML type (str, int, float, bool, null, …) of the node.
    var tag: Tag.Name { Tag.Name(rawValue: node.tag.rawValue) }
    var isList: Bool {
        if case .sequence = node { return true }
        return false
    }
    var column: Int { node.mark?.column ?? 1 }

    func child(key: String, node: Node) -> ConfigNode {
        ConfigNode(node: node, path: path.isEmpty ? key : "\(path).\(key)", log: log)
    }

    func element(_ index: Int, node: Node) -> ConfigNode {
        ConfigNode(node: node, path: "\(path)[\(index)]", log: log)
    }

    func report(_ message: String) { log.report(message, at: self) }

    /// The node as a mapping whose keys must all be among `keys` (unknown keys are typos).
    func mapping(keys: Set<String>) -> ConfigMapping? {
        guard case .mapping(let mapping) = node else {
            report("expected a mapping (key: value), found \(kind)")
            return nil
        }
        var entries: [String: ConfigNode] = [:]
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string else {
                log.report("keys must be text", line: keyNode.mark?.line ?? line, column: keyNode.mark?.column ?? column, keyPath: path)
                continue
            }
            let located = ConfigNode(node: keyNode, path: path.isEmpty ? key : "\(path).\(key)", log: log)
            if entries[key] != nil {
                located.report("duplicate key")
            } else if !keys.contains(key) {
                located.report(Self.unknownKeyMessage(key, allowed: keys))
            } else {
                entries[key] = child(key: key, node: valueNode)
            }
        }
        return ConfigMapping(owner: self, entries: entries)
    }

    /// The value under `key` when the node is a mapping, without validating the mapping again
    /// (for checks that run after a section was read).
    func entry(_ key: String) -> ConfigNode? {
        guard case .mapping(let mapping) = node, let value = mapping[key] else { return nil }
        return child(key: key, node: value)
    }

    /// The node as a mapping with free keys (recipient groups, policy settings).
    func freeMapping() -> [(key: String, value: ConfigNode)]? {
        guard case .mapping(let mapping) = node else {
            report("expected a mapping (key: value), found \(kind)")
            return nil
        }
        var seen: Set<String> = []
        var entries: [(key: String, value: ConfigNode)] = []
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string else { continue }
            if !seen.insert(key).inserted {
                ConfigNode(node: keyNode, path: "\(path).\(key)", log: log).report("duplicate key")
                continue
            }
            entries.append((key, child(key: key, node: valueNode)))
        }
        return entries
    }

    /// The node as a list.
    func sequence() -> [ConfigNode]? {
        guard case .sequence(let sequence) = node else {
            report("expected a list, found \(kind)")
            return nil
        }
        return sequence.enumerated().map { element($0.offset, node: $0.element) }
    }

    /// A text value. Plain scalars that YAML reads as numbers or booleans are not text.
    func string() -> String? {
        guard case .scalar(let scalar) = node else {
            report("expected text, found \(kind)")
            return nil
        }
        guard tag == .str else {
            report("expected text, found \(kind); quote it")
            return nil
        }
        guard !scalar.string.isEmpty else {
            report("must not be empty")
            return nil
        }
        return scalar.string
    }

    /// A number (integer or decimal).
    func number() -> Double? {
        guard case .scalar = node, tag == .int || tag == .float, let value = node.float, value.isFinite else {
            report("expected a number, found \(kind)")
            return nil
        }
        return value
    }

    /// A whole number.
    func integer() -> Int? {
        guard case .scalar = node, tag == .int, let value = node.int else {
            report("expected a whole number, found \(kind)")
            return nil
        }
        return value
    }

    func bool() -> Bool? {
        guard case .scalar = node, tag == .bool, let value = node.bool else {
            report("expected true or false, found \(kind)")
            return nil
        }
        return value
    }

    /// A short name describing what the node is, for messages.
    var kind: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch tag {
            case .int, .float: return "the number \(scalar.string)"
            case .bool: return "the boolean \(scalar.string)"
            case .null: return "nothing (null)"
            default: return "the text \"\(scalar.string)\""
            }
        }
    }

    private static func unknownKeyMessage(_ key: String, allowed: Set<String>) -> String {
        if ["password", "token", "secret", "api_key"].contains(key) || key.hasSuffix("_password") || key.hasSuffix("_token") {
            return "secrets never stand in configuration files: use \(key)_env (an environment variable) or \(key)_file"
        }
        if let suggestion = allowed.min(by: { editDistance($0, key) < editDistance($1, key) }), editDistance(suggestion, key) <= 2 {
            return "unknown key (did you mean \(suggestion)?)"
        }
        return "unknown key; allowed here: \(allowed.sorted().joined(separator: ", "))"
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
