import Foundation

/// A closed set of string values of an OCA schema; its schema is derived from its cases.
public protocol SchemaEnumeration: RawRepresentable<String>, CaseIterable, Codable, Hashable, Sendable {}

extension SchemaEnumeration {
    /// A string that must be one of the raw values.
    public static var schema: PayloadSchema {
        .string(maxLength: nil, values: allCases.map(\.rawValue))
    }
}
