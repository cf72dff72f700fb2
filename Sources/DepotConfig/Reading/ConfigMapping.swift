/// The checked entries of one YAML mapping; asking for a required key that is absent reports it at
import Yams

/// the mapping's own position.
struct ConfigMapping {
    let owner: ConfigNode
    let entries: [String: ConfigNode]

    func optional(_ key: String) -> ConfigNode? {
        guard let node = entries[key] else { return nil }
        if node.tag == .null { return nil }
        return node
    }

    func required(_ key: String) -> ConfigNode? {
        if let node = optional(key) { return node }
        owner.log.report("missing required key", line: owner.line, column: owner.column, keyPath: owner.path.isEmpty ? key : "\(owner.path).\(key)")
        return nil
    }

    func has(_ key: String) -> Bool { optional(key) != nil }
}
