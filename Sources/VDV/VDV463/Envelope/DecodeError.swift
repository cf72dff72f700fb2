extension VDV463 {
    /// Why a frame could not be read (docs/vdv.md A3), with whatever identifying items could still be
    /// read, so the caller knows whether it can answer with an error (3) or must log and drop.
    public struct DecodeError: Error, Equatable, Sendable, CustomStringConvertible {
        /// What is wrong with the frame.
        public enum Reason: Equatable, Sendable {
            /// The bytes are not JSON.
            case notJSON
            /// The JSON is not an array.
            case notAnArray(found: String)
            /// The array does not have exactly 7 items.
            case wrongLength(Int)
            /// An envelope item has the wrong JSON type.
            case wrongItemType(index: Int, expected: String, found: String)
            /// Item 0 is an integer other than 1, 2, 3.
            case unknownMessageType(Int64)
            /// Item 5 names no VDV 463 action.
            case unknownAction(String)
            /// Item 3 is not an RFC 3339 date-time.
            case badTimestamp(String)
            /// The payload does not fit the action's schema; the text names the path and the problem.
            case badPayload(String)
        }

        /// What is wrong.
        public var reason: Reason
        /// Item 4 when the frame is a 7-item array and it is a string.
        public var messageId: String?
        /// Item 0 when it could be read.
        public var messageType: MessageType?
        /// Item 5 when it could be read.
        public var action: Action?

        /// An error with the items that could be read.
        public init(_ reason: Reason, messageId: String? = nil, messageType: MessageType? = nil, action: Action? = nil) {
            self.reason = reason
            self.messageId = messageId
            self.messageType = messageType
            self.action = action
        }

        /// Whether the frame deserves an error (3): a messageId and an action were read (an error
        /// needs both to be valid 2.0.0) and it is not itself a confirmation or error, which must
        /// never be answered (that could loop between two peers).
        public var canBeAnswered: Bool {
            messageId != nil && action != nil && messageType != .confirmation && messageType != .error
        }

        /// The text for the `errorMessage` of the answer and for the log.
        public var description: String {
            switch reason {
            case .notJSON: "frame is not valid JSON"
            case .notAnArray(let found): "frame must be a JSON array of 7 items, found \(found)"
            case .wrongLength(let count): "frame must be an array of 7 items, found \(count)"
            case .wrongItemType(let index, let expected, let found):
                "item \(index) (\(Self.itemNames[index])) must be \(expected), found \(found)"
            case .unknownMessageType(let value): "unknown messageType \(value), expected 1, 2 or 3"
            case .unknownAction(let value): "unknown messageAction \"\(value)\""
            case .badTimestamp(let value): "timeStamp \"\(value)\" is not an RFC 3339 date-time"
            case .badPayload(let detail): "invalid payload: \(detail)"
            }
        }

        private static let itemNames = [
            "messageType", "source", "presystemId", "timeStamp", "messageId", "messageAction", "payload",
        ]
    }
}
