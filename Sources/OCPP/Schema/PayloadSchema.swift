import Foundation

/// The part of an OCA JSON schema that ``PayloadValidator`` checks, so every refusal carries the
/// CALLERROR of docs/ocpp.md §4 instead of whatever a generic decoder throws.
public indirect enum PayloadSchema: Sendable {
    /// A string; `values` is the enum of the schema, `maxLength` counts Unicode scalars.
    case string(maxLength: Int? = nil, values: [String]? = nil)
    /// An RFC 3339 date-time with a 4-digit year and a valid month and day.
    case dateTime
    /// An integer within 32 bits unless the schema (or docs/ocpp.md §11) bounds it tighter.
    case integer(minimum: Int? = nil, maximum: Int? = nil)
    /// A number; `tenths` is the schemas' `multipleOf: 0.1`.
    case number(minimum: Double? = nil, maximum: Double? = nil, tenths: Bool = false)
    /// A boolean.
    case boolean
    /// An array; without a schema maximum the count is bounded by ``defaultMaximumItems``.
    case array(PayloadSchema, minItems: Int, maxItems: Int? = nil)
    /// An object with its properties; unknown properties are refused unless allowed.
    case object(properties: [String: Property], allowsAdditionalProperties: Bool)
    /// Any JSON value (2.0.1 `DataTransfer.data`).
    case any

    /// One property of an object schema.
    public struct Property: Sendable {
        /// The JSON name.
        public let name: String
        /// The schema of its value.
        public let schema: PayloadSchema
        /// Whether it must be present.
        public let required: Bool

        /// Describes a property.
        public init(_ name: String, _ schema: PayloadSchema, required: Bool) {
            self.name = name
            self.schema = schema
            self.required = required
        }
    }

    /// Bound for arrays the schema leaves open: no station reports more than 1024 periods,
    /// samples or keys in one message (docs/ocpp.md §11).
    public static let defaultMaximumItems = 1024

    /// An object schema from its property list.
    public static func object(_ properties: [Property], allowsAdditionalProperties: Bool) -> PayloadSchema {
        .object(
            properties: Dictionary(properties.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
            allowsAdditionalProperties: allowsAdditionalProperties
        )
    }
}
