import Foundation

/// A payload type generated from an OCA schema: it carries the schema it is validated against
/// before decoding, so decoding never trusts a station's JSON blindly.
public protocol SchemaDescribed: Codable, Hashable, Sendable {
    /// The schema of this type.
    static var schema: PayloadSchema { get }
}
