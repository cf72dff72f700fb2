import Foundation

extension OCPPFrame {
    /// Reads one text message into a frame, or decides how to refuse it (docs/ocpp.md §3, §4).
    public static func decode(_ bytes: some Sequence<UInt8>) -> FrameDecoding {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            return .reject(messageId: unreadableMessageId, error: OCPPError(.malformedFrame, "not valid JSON"))
        }
        guard case .array(let items) = value, let first = items.first, case .number(let type) = first,
            type == type.rounded()
        else {
            return .reject(messageId: unreadableMessageId, error: OCPPError(.malformedFrame, "not an OCPP-J frame"))
        }
        let messageId = items.count > 1 ? readMessageId(items[1]) : nil
        switch type {
        case 2:
            guard let messageId else {
                return .reject(messageId: unreadableMessageId, error: OCPPError(.malformedFrame, "messageId unreadable"))
            }
            guard items.count == 4, case .string(let action) = items[2] else {
                return .reject(messageId: messageId, error: OCPPError(.malformedFrame, "CALL must be [2, id, action, payload]"))
            }
            return .frame(.call(messageId: messageId, action: action, payload: items[3]))
        case 3:
            guard let messageId, items.count == 3, case .object = items[2] else {
                return .drop(reason: "malformed CALLRESULT")
            }
            return .frame(.callResult(messageId: messageId, payload: items[2]))
        case 4:
            guard let messageId, items.count == 5, case .string(let code) = items[2], case .string(let text) = items[3],
                case .object = items[4]
            else {
                return .drop(reason: "malformed CALLERROR")
            }
            return .frame(.callError(messageId: messageId, errorCode: code, errorDescription: text, errorDetails: items[4]))
        default:
            return .reject(
                messageId: messageId ?? unreadableMessageId,
                error: OCPPError(.messageTypeNotSupported, "message type not supported")
            )
        }
    }

    /// Reads one text message.
    public static func decode(_ text: String) -> FrameDecoding {
        decode(text.utf8)
    }

    private static func readMessageId(_ value: JSONValue) -> String? {
        guard case .string(let id) = value, !id.isEmpty, id.unicodeScalars.count <= maximumMessageIdLength else { return nil }
        return id
    }
}
