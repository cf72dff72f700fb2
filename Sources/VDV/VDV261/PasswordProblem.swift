extension VDV261 {
    /// Why a vehicle password breaks the rules of its VDV 261 version (docs/vdv.md B2); reported by
    /// `busbar config check` for every `vdv261_password_env` secret.
    public enum PasswordProblem: Equatable, Sendable, CustomStringConvertible {
        /// Fewer characters than the version allows.
        case tooShort(minimum: Int)
        /// More than 150 characters.
        case tooLong(maximum: Int)
        /// A character outside printable ASCII.
        case notASCII
        /// V2: no upper-case letter.
        case missingUppercase
        /// V2: no lower-case letter.
        case missingLowercase
        /// V2: no digit.
        case missingDigit
        /// V2: none of `_-+#*!()?`.
        case missingSpecial

        /// The special characters V2 requires one of.
        public static let specialCharacters = "_-+#*!()?"

        /// Every rule `password` breaks for `version`; empty when it is acceptable.
        /// V1: 1–150 printable ASCII; V2: 8–150 with an upper, a lower, a digit and a special character.
        public static func check(_ password: String, for version: VDV261.Version) -> [PasswordProblem] {
            let minimum = version == .v1 ? 1 : 8
            var problems: [PasswordProblem] = []
            if password.count < minimum { problems.append(.tooShort(minimum: minimum)) }
            if password.count > 150 { problems.append(.tooLong(maximum: 150)) }
            let scalars = password.unicodeScalars
            if !scalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) { problems.append(.notASCII) }
            guard version == .v2 else { return problems }
            if !scalars.contains(where: { ("A"..."Z").contains($0) }) { problems.append(.missingUppercase) }
            if !scalars.contains(where: { ("a"..."z").contains($0) }) { problems.append(.missingLowercase) }
            if !scalars.contains(where: { ("0"..."9").contains($0) }) { problems.append(.missingDigit) }
            if !scalars.contains(where: { specialCharacters.unicodeScalars.contains($0) }) { problems.append(.missingSpecial) }
            return problems
        }

        /// The message for the config check output.
        public var description: String {
            switch self {
            case .tooShort(let minimum): "shorter than \(minimum) characters"
            case .tooLong(let maximum): "longer than \(maximum) characters"
            case .notASCII: "contains characters outside printable ASCII"
            case .missingUppercase: "needs an upper-case letter"
            case .missingLowercase: "needs a lower-case letter"
            case .missingDigit: "needs a digit"
            case .missingSpecial: "needs one of \(Self.specialCharacters)"
            }
        }
    }
}
