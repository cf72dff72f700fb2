extension DecodingError {
    /// A one-line explanation naming the JSON path below the first `droppedKeys` keys, e.g.
    /// `chargingRequestList[0].chargingRequestData.minTargetSoc: 150.0 is outside 0…100`.
    func pathDescription(droppingFirst droppedKeys: Int) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath.dropFirst(droppedKeys) {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text.isEmpty ? "payload" : text
        }
        return switch self {
        case .keyNotFound(let key, let context):
            "\(path(context.codingPath + [key])): required field missing"
        case .typeMismatch(let type, let context):
            "\(path(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context):
            "\(path(context.codingPath)): expected \(type), found null"
        case .dataCorrupted(let context):
            "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            "\(self)"
        }
    }
}
