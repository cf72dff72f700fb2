import ArgumentParser
import DepotModel

extension PolicyDomain {
    /// Parses `--domain priority`, naming the four domains when the value is none of them.
    static func argument(_ text: String) throws -> PolicyDomain {
        guard let domain = PolicyDomain(rawValue: text) else {
            throw ValidationError("expected one of \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return domain
    }
}
