extension VDV261 {
    /// Why a vehicle's POST body is refused, with the HTTP status to answer (docs/vdv.md B2).
    public enum RequestError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The body exceeds `VDV261.maximumBodySize`.
        case bodyTooLarge(Int)
        /// The body is not a JSON object.
        case notAJSONObject
        /// A required field is absent.
        case missingField(String)
        /// A field has the wrong JSON type.
        case wrongType(field: String, expected: String)
        /// A field's value is outside what VDV 261 allows.
        case outOfRange(field: String, detail: String)

        /// 413 for an oversized body, else 400.
        public var httpStatus: Int {
            switch self {
            case .bodyTooLarge: 413
            case .notAJSONObject, .missingField, .wrongType, .outOfRange: 400
            }
        }

        /// The reason for the response body and the log.
        public var description: String {
            switch self {
            case .bodyTooLarge(let size): "body of \(size) bytes exceeds \(VDV261.maximumBodySize) bytes"
            case .notAJSONObject: "body must be a JSON object"
            case .missingField(let field): "\(field) is required"
            case .wrongType(let field, let expected): "\(field) must be \(expected)"
            case .outOfRange(let field, let detail): "\(field) \(detail)"
            }
        }
    }
}
