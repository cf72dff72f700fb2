extension VDV463 {
    /// Payload of an error (3). Busbar writes 2.0.0 `{"errorMessage": …}`; on reading it accepts
    /// `errorMessage`, the 1.0-era `message`, or any object, whose member names then make the message (docs/vdv.md A3).
    public struct ErrorResponse: Codable, Equatable, Sendable {
        /// What went wrong, for the peer's operators.
        public var errorMessage: String

        /// An error with this text.
        public init(errorMessage: String) {
            self.errorMessage = errorMessage
        }

        /// Reads any object: `errorMessage`, else `message`, else a text naming the object's members.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyCodingKey.self)
            let text = { (key: String) in try? container.decodeIfPresent(String.self, forKey: AnyCodingKey(stringValue: key)) }
            if let message = text("errorMessage") ?? text("message") {
                errorMessage = message
            } else {
                let members = container.allKeys.map(\.stringValue).sorted()
                errorMessage = "error without errorMessage, members: [\(members.joined(separator: ", "))]"
            }
        }
    }
}
