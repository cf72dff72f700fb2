import Foundation

extension VDV463 {
    /// Payload of an error (3). Busbar writes 2.0.0 `{"errorMessage": …}`; on reading it accepts
    /// `errorMessage`, the 1.0-era `message`, or any object, whose JSON text then becomes the message (vdv.md A3).
    public struct ErrorResponse: Codable, Equatable, Sendable {
        /// What went wrong, for the peer's operators.
        public var errorMessage: String

        /// An error with this text.
        public init(errorMessage: String) {
            self.errorMessage = errorMessage
        }

        /// Reads any object: `errorMessage`, else `message`, else the object's JSON text.
        public init(from decoder: any Decoder) throws {
            let object = try decoder.singleValueContainer().decode([String: JSONValue].self)
            if case .string(let text) = object["errorMessage"] {
                errorMessage = text
            } else if case .string(let text) = object["message"] {
                errorMessage = text
            } else {
                errorMessage = String(decoding: try VDV463.makeEncoder().encode(object), as: UTF8.self)
            }
        }
    }
}
