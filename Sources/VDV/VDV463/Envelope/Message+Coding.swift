public import Foundation

extension VDV463.Message {
    /// Reads a frame tolerantly (vdv.md A3, A7): timestamps with or without fractions and any
    /// offset, 1.0.0 and 2.0.0 payload names, unknown enum values kept. Confirmations of
    /// ProvideChargingRequests and ProvideChargingInformation are accepted whatever their payload
    /// object holds, and error payloads may be any object.
    /// - Throws: `VDV463.DecodeError` saying what is wrong and which identifying items were read.
    public static func decode(_ data: Data) throws(VDV463.DecodeError) -> VDV463.Message {
        guard let root = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw VDV463.DecodeError(.notJSON)
        }
        guard case .array(let items) = root else {
            throw VDV463.DecodeError(.notAnArray(found: root.typeName))
        }
        guard items.count == 7 else {
            throw VDV463.DecodeError(.wrongLength(items.count))
        }
        // Whatever identifies the frame is read first, so every later error can say it.
        var readId: String?
        var readType: VDV463.MessageType?
        var readAction: VDV463.Action?
        if case .string(let id) = items[4] { readId = id }
        if case .integer(let type) = items[0] { readType = VDV463.MessageType(rawValue: Int(type)) }
        if case .string(let action) = items[5] { readAction = VDV463.Action(rawValue: action) }

        func fail(_ reason: VDV463.DecodeError.Reason) -> VDV463.DecodeError {
            VDV463.DecodeError(reason, messageId: readId, messageType: readType, action: readAction)
        }
        func string(at index: Int) throws(VDV463.DecodeError) -> String {
            guard case .string(let text) = items[index] else {
                throw fail(.wrongItemType(index: index, expected: "string", found: items[index].typeName))
            }
            return text
        }

        guard case .integer(let rawType) = items[0] else {
            throw fail(.wrongItemType(index: 0, expected: "integer", found: items[0].typeName))
        }
        guard let messageType = VDV463.MessageType(rawValue: Int(rawType)) else {
            throw fail(.unknownMessageType(rawType))
        }
        let source = try string(at: 1)
        let presystemId = try string(at: 2)
        let stamp = try string(at: 3)
        guard let timeStamp = VDV463.Timestamp.parse(stamp) else {
            throw fail(.badTimestamp(stamp))
        }
        let messageId = try string(at: 4)
        let actionName = try string(at: 5)
        guard let action = VDV463.Action(rawValue: actionName) else {
            throw fail(.unknownAction(actionName))
        }
        guard case .object = items[6] else {
            throw fail(.wrongItemType(index: 6, expected: "object", found: items[6].typeName))
        }
        let body: VDV463.Body
        do {
            body = try decodeBody(messageType: messageType, action: action, payload: items[6])
        } catch let decodingError as DecodingError {
            throw fail(.badPayload(decodingError.pathDescription))
        } catch {
            throw fail(.badPayload("\(error)"))
        }
        return VDV463.Message(source: source, presystemId: presystemId, timeStamp: timeStamp, messageId: messageId, body: body)
    }

    /// The 7-item array as compact JSON, payload keys sorted, nil fields omitted.
    /// - Throws: `EncodingError` only for a non-finite number (NaN, infinity), which JSON cannot carry.
    public func encoded() throws -> Data {
        try VDV463.makeEncoder().encode(Frame(message: self))
    }

    private static func decodeBody(
        messageType: VDV463.MessageType,
        action: VDV463.Action,
        payload: JSONValue
    ) throws -> VDV463.Body {
        func typed<Payload: Decodable>(_: Payload.Type) throws -> Payload {
            try VDV463.makeDecoder().decode(Payload.self, from: VDV463.makeEncoder().encode(payload))
        }
        switch (messageType, action) {
        case (.request, .bootNotification): return .bootNotification(try typed(VDV463.BootNotificationRequest.self))
        case (.request, .provideChargingRequests): return .chargingRequests(try typed(VDV463.ProvideChargingRequestsRequest.self))
        case (.request, .provideChargingInformation):
            return .chargingInformation(try typed(VDV463.ProvideChargingInformationRequest.self))
        case (.confirmation, .bootNotification):
            return .bootNotificationConfirmation(try typed(VDV463.BootNotificationResponse.self))
        case (.confirmation, .provideChargingRequests): return .chargingRequestsConfirmation
        case (.confirmation, .provideChargingInformation): return .chargingInformationConfirmation
        case (.error, _): return .error(action, try typed(VDV463.ErrorResponse.self))
        }
    }

    /// The envelope as an unkeyed container, in the order of vdv.md A3.
    private struct Frame: Encodable {
        let message: VDV463.Message

        func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode(message.body.messageType.rawValue)
            try container.encode(message.source)
            try container.encode(message.presystemId)
            try container.encode(VDV463.Timestamp.format(message.timeStamp))
            try container.encode(message.messageId)
            try container.encode(message.body.action.rawValue)
            switch message.body {
            case .bootNotification(let payload): try container.encode(payload)
            case .bootNotificationConfirmation(let payload): try container.encode(payload)
            case .chargingRequests(let payload): try container.encode(payload)
            case .chargingInformation(let payload): try container.encode(payload)
            case .chargingRequestsConfirmation, .chargingInformationConfirmation: try container.encode([String: String]())
            case .error(_, let payload): try container.encode(payload)
            }
        }
    }
}
