import Foundation

/// A CALL payload: it knows its action name and the payload type of its CALLRESULT, so a caller
/// can send a typed request and decode the typed reply without a lookup table.
public protocol OCPPRequest: SchemaDescribed {
    /// The CALLRESULT payload type.
    associatedtype Response: SchemaDescribed
    /// The action name on the wire.
    static var action: String { get }
}
