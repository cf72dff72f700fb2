public import Foundation

extension VDV463 {
    /// One VDV 463 frame: the 7-item array of docs/vdv.md A3 with a typed payload.
    public struct Message: Equatable, Sendable {
        /// Item 1: who produced the data; Busbar sends `"CMS"`.
        public var source: String
        /// Item 2: the presystem's id, the same in both directions.
        public var presystemId: String
        /// Item 3: when the message was created.
        public var timeStamp: Date
        /// Item 4: the request's id, reused by its confirmation or error.
        public var messageId: String
        /// Items 0, 5 and 6.
        public var body: Body

        /// The `source` Busbar writes into every message it sends.
        public static let busbarSource = "CMS"

        /// A message with every item given.
        public init(source: String, presystemId: String, timeStamp: Date, messageId: String, body: Body) {
            self.source = source
            self.presystemId = presystemId
            self.timeStamp = timeStamp
            self.messageId = messageId
            self.body = body
        }

        /// A message Busbar sends (`source` = `"CMS"`).
        public static func fromBusbar(presystemId: String, timeStamp: Date, messageId: String, body: Body) -> Message {
            Message(source: busbarSource, presystemId: presystemId, timeStamp: timeStamp, messageId: messageId, body: body)
        }

        /// Busbar's answer to this request: same presystemId and messageId (docs/vdv.md A3).
        public func reply(_ body: Body, at timeStamp: Date) -> Message {
            .fromBusbar(presystemId: presystemId, timeStamp: timeStamp, messageId: messageId, body: body)
        }
    }
}
