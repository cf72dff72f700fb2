import Foundation

/// Why Busbar refuses a station's frame or payload. The ``reason`` picks the CALLERROR code
/// (``OCPPErrorCode/init(for:version:)``); the ``description`` is safe to send to the station;
/// `fileID`/`line` say where the refusal was decided, for the log.
public struct OCPPError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The situations of the CALLERROR table (docs/ocpp.md §4), independent of the version's spelling.
    public enum Reason: String, Hashable, Sendable, CaseIterable {
        /// Not JSON, not an array, wrong arity, messageId or action unreadable.
        case malformedFrame
        /// A message type number other than 2, 3, 4 (including 2.1's 5 and 6).
        case messageTypeNotSupported
        /// An action the version does not define.
        case unknownAction
        /// An action Busbar does not accept from a station (wrong direction or not supported).
        case unsupportedAction
        /// The payload is not an object or has a property the schema does not allow.
        case invalidShape
        /// A required field is missing, or an array has too many or too few items.
        case occurrence
        /// A value has the wrong JSON type.
        case typeConstraint
        /// A value is out of range, not in the enum, too long, or not a valid date-time.
        case propertyConstraint
        /// The station is not boot-accepted, or the message violates security policy.
        case security
        /// Storage or another internal failure: the data is not durable.
        case internalFailure
    }

    /// Which row of the CALLERROR table applies.
    public let reason: Reason
    /// A short text for `errorDescription`, naming the offending field path, never internals.
    public let description: String
    /// Where the refusal was decided.
    public let fileID: String
    /// Where the refusal was decided.
    public let line: Int

    /// Records a refusal at the caller's source position.
    public init(_ reason: Reason, _ description: String, fileID: String = #fileID, line: Int = #line) {
        self.reason = reason
        self.description = description
        self.fileID = fileID
        self.line = line
    }
}
