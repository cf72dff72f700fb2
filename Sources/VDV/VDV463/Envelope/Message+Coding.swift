public import Foundation

extension VDV463.Message {
    /// Reads a frame tolerantly (docs/vdv.md A3, A7): timestamps with or without fractions and any
    /// offset, 1.0.0 and 2.0.0 payload names, unknown enum values kept. Confirmations of
    /// ProvideChargingRequests and ProvideChargingInformation are accepted whatever their payload
    /// object holds, and error payloads may be any object.
    /// - Throws: `VDV463.DecodeError` saying what is wrong and which identifying items were read.
    public static func decode(_ data: Data) throws(VDV463.DecodeError) -> VDV463.Message {
        do {
            return try VDV463.makeDecoder().decode(IncomingFrame.self, from: data).message
        } catch let error as VDV463.DecodeError {
            throw error
        } catch {
            // Every other error is thrown by the JSON parser before the frame is looked at.
            throw VDV463.DecodeError(.notJSON)
        }
    }

    /// The 7-item array as compact JSON, payload keys sorted, nil fields omitted.
    /// - Throws: `EncodingError` only for a non-finite number (NaN, infinity), which JSON cannot carry.
    public func encoded() throws -> Data {
        try VDV463.makeEncoder().encode(OutgoingFrame(message: self))
    }

    /// The envelope read item by item, so that the identifying items are known before anything
    /// can fail and the payload is decoded straight into the type its action names.
    private struct IncomingFrame: Decodable {
        let message: VDV463.Message

        init(from decoder: any Decoder) throws {
            guard var container = try? decoder.unkeyedContainer() else {
                throw VDV463.DecodeError(.notAnArray(found: JSONTypeName.of(decoder)))
            }
            guard container.count == 7 else {
                throw VDV463.DecodeError(.wrongLength(container.count ?? 0))
            }
            var items: [any Decoder] = []
            while !container.isAtEnd {
                items.append(try container.superDecoder())
            }
            func read<Value: Decodable>(_: Value.Type, at index: Int) -> Value? {
                try? items[index].singleValueContainer().decode(Value.self)
            }
            let messageId = read(String.self, at: 4)
            let rawType = read(Int64.self, at: 0)
            let actionName = read(String.self, at: 5)
            let messageType = rawType.flatMap { VDV463.MessageType(rawValue: Int($0)) }
            let action = actionName.flatMap(VDV463.Action.init(rawValue:))

            func fail(_ reason: VDV463.DecodeError.Reason) -> VDV463.DecodeError {
                VDV463.DecodeError(reason, messageId: messageId, messageType: messageType, action: action)
            }
            func string(at index: Int) throws(VDV463.DecodeError) -> String {
                guard let text = read(String.self, at: index) else {
                    throw fail(.wrongItemType(index: index, expected: "string", found: JSONTypeName.of(items[index])))
                }
                return text
            }

            guard let rawType else {
                throw fail(.wrongItemType(index: 0, expected: "integer", found: JSONTypeName.of(items[0])))
            }
            guard let messageType else { throw fail(.unknownMessageType(rawType)) }
            let source = try string(at: 1)
            let presystemId = try string(at: 2)
            let stamp = try string(at: 3)
            guard let timeStamp = VDV463.Timestamp.parse(stamp) else { throw fail(.badTimestamp(stamp)) }
            let id = try string(at: 4)
            let name = try string(at: 5)
            guard let action else { throw fail(.unknownAction(name)) }
            let payloadType = JSONTypeName.of(items[6])
            guard payloadType == "object" else {
                throw fail(.wrongItemType(index: 6, expected: "object", found: payloadType))
            }
            let body: VDV463.Body
            do {
                body = try Self.body(messageType: messageType, action: action, payload: items[6])
            } catch let error as DecodingError {
                throw fail(.badPayload(error.pathDescription(droppingFirst: 1)))
            }
            message = VDV463.Message(source: source, presystemId: presystemId, timeStamp: timeStamp, messageId: id, body: body)
        }

        private static func body(messageType: VDV463.MessageType, action: VDV463.Action, payload: any Decoder) throws -> VDV463.Body {
            switch (messageType, action) {
            case (.request, .bootNotification): .bootNotification(try .init(from: payload))
            case (.request, .provideChargingRequests): .chargingRequests(try .init(from: payload))
            case (.request, .provideChargingInformation): .chargingInformation(try .init(from: payload))
            case (.confirmation, .bootNotification): .bootNotificationConfirmation(try .init(from: payload))
            case (.confirmation, .provideChargingRequests): .chargingRequestsConfirmation
            case (.confirmation, .provideChargingInformation): .chargingInformationConfirmation
            case (.error, _): .error(action, try .init(from: payload))
            }
        }
    }

    /// The envelope as an unkeyed container, in the order of docs/vdv.md A3.
    private struct OutgoingFrame: Encodable {
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
