import Foundation

/// One OCPP-J RPC frame (docs/ocpp.md §3). Payloads stay JSON here; ``OCPPCodec`` types them.
public enum OCPPFrame: Hashable, Sendable {
    /// `[2, messageId, action, payload]`
    case call(messageId: String, action: String, payload: JSONValue)
    /// `[3, messageId, payload]`
    case callResult(messageId: String, payload: JSONValue)
    /// `[4, messageId, errorCode, errorDescription, errorDetails]`
    case callError(messageId: String, errorCode: String, errorDescription: String, errorDetails: JSONValue)

    /// The longest messageId OCPP-J allows.
    public static let maximumMessageIdLength = 36
    /// The longest errorDescription Busbar sends.
    public static let maximumErrorDescriptionLength = 255
    /// The messageId of a CALLERROR answering a frame whose messageId could not be read.
    public static let unreadableMessageId = "-1"

    /// The frame's messageId.
    public var messageId: String {
        switch self {
        case .call(let messageId, _, _), .callResult(let messageId, _), .callError(let messageId, _, _, _): messageId
        }
    }

    /// A CALLERROR answering `error` with the code of `version`, the description cut to 255
    /// characters and empty details.
    public static func callError(answering messageId: String, error: OCPPError, version: OCPPVersion) -> OCPPFrame {
        .callError(
            messageId: messageId,
            errorCode: OCPPErrorCode(for: error.reason, version: version).rawValue,
            errorDescription: String(error.description.prefix(maximumErrorDescriptionLength)),
            errorDetails: .object([:])
        )
    }

    /// The frame as JSON text, ready for a WebSocket text message.
    public var text: String {
        switch self {
        case .call(let messageId, let action, let payload):
            JSONValue.array([.number(2), .string(messageId), .string(action), payload]).jsonText
        case .callResult(let messageId, let payload):
            JSONValue.array([.number(3), .string(messageId), payload]).jsonText
        case .callError(let messageId, let errorCode, let errorDescription, let errorDetails):
            JSONValue.array([
                .number(4), .string(messageId), .string(errorCode),
                .string(String(errorDescription.prefix(Self.maximumErrorDescriptionLength))), errorDetails,
            ]).jsonText
        }
    }
}
