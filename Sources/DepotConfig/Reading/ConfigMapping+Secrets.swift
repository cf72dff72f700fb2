import DepotModel

extension ConfigMapping {
    /// The keys a secret named `name` may be given by: `<name>_env`, `<name>_file`, and for station
    /// passwords `<name>_hash`.
    static func secretKeys(_ name: String, hash: Bool = false) -> Set<String> {
        hash ? ["\(name)_env", "\(name)_file", "\(name)_hash"] : ["\(name)_env", "\(name)_file"]
    }

    /// Reads a secret reference. Exactly one form may be given; `required` reports its absence.
    func secret(_ name: String, required: Bool, hash: Bool = false) -> SecretReference? {
        let forms = Self.secretKeys(name, hash: hash).sorted().filter { has($0) }
        guard forms.count <= 1 else {
            owner.log.report(
                "give only one of \(forms.joined(separator: ", "))", line: owner.line, column: owner.column,
                keyPath: owner.path.isEmpty ? name : "\(owner.path).\(name)")
            return nil
        }
        guard let key = forms.first, let node = optional(key), let text = node.string() else {
            if required {
                owner.log.report(
                    "missing secret: give \(name)_env (environment variable) or \(name)_file\(hash ? " or \(name)_hash" : "")",
                    line: owner.line, column: owner.column, keyPath: owner.path.isEmpty ? name : "\(owner.path).\(name)")
            }
            return nil
        }
        switch key {
        case "\(name)_env":
            guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }), !(text.first?.isNumber ?? true) else {
                node.report("an environment variable name has letters, digits and _ only")
                return nil
            }
            return .environment(text)
        case "\(name)_file":
            return .file(text)
        default:
            guard PasswordHashFormat.isValid(text) else {
                node.report("expected hmac-sha256$<32 hex salt>$<64 hex digest> as written by `busbar charger password`")
                return nil
            }
            return .hash(text)
        }
    }
}
