import Foundation

/// The per-connection OCPP state machine (docs/ocpp.md §2, §5; docs/conventions.md §6): the boot gate, one
/// outbound CALL in flight with a queue, the outbound timeout, correlation by messageId only,
/// coalescing of queued SetChargingProfile, and inbound CALLs served strictly one at a time.
/// No sockets, clock or logger: the connection handler feeds events with the current time and
/// performs the returned ``SessionAction``s in order.
public struct OCPPSession: Sendable {
    /// The negotiated version.
    public let version: OCPPVersion
    /// The relaxations allowed for this station's model.
    public let quirks: DecodingQuirks
    /// How long a CALL may stay unanswered before its outcome is declared unknown.
    public let outboundTimeout: Duration
    /// The registration state; CALLs other than BootNotification are refused unless `accepted`.
    public private(set) var bootState: BootState

    private var inFlight: (request: CommandRequest, deadline: ContinuousClock.Instant)?
    private var queue: [CommandRequest] = []
    private var handling: (messageId: String, action: String)?
    private var inbound: [(messageId: String, action: String, payload: JSONValue)] = []
    private var timedOut: [String] = []
    private var lastSentLimits: [ProfileSlot: (value: Double, unit: String)] = [:]

    /// How many timed-out messageIds are remembered to tell a late reply from an unknown one.
    private static let timedOutMemory = 32

    /// Starts a session for a new connection.
    /// - Parameters:
    ///   - bootState: the persisted registration state of the station.
    ///   - outboundTimeout: 30 s by default (docs/ocpp.md §5).
    public init(version: OCPPVersion, bootState: BootState, quirks: DecodingQuirks = [], outboundTimeout: Duration = .seconds(30)) {
        self.version = version
        self.bootState = bootState
        self.quirks = quirks
        self.outboundTimeout = outboundTimeout
    }

    /// When ``expire(at:)`` must be called next, if a CALL is in flight.
    public var nextDeadline: ContinuousClock.Instant? {
        inFlight?.deadline
    }

    /// The messageId of the CALL in flight, if any.
    public var inFlightMessageId: String? {
        inFlight?.request.messageId
    }

    /// The commands waiting for the slot, in sending order.
    public var queuedCommands: [CommandRequest] {
        queue
    }

    // MARK: - Inbound frames

    /// A text message arrived from the station.
    public mutating func receive(_ text: String, at now: ContinuousClock.Instant) -> [SessionAction] {
        receive(bytes: Array(text.utf8), at: now)
    }

    /// A text message arrived from the station, as raw bytes (UTF-8 is validated here too).
    public mutating func receive(bytes: [UInt8], at now: ContinuousClock.Instant) -> [SessionAction] {
        switch OCPPFrame.decode(bytes) {
        case .drop(let reason):
            return [.dropped(reason: reason)]
        case .reject(let messageId, let error):
            return refuse(messageId, error)
        case .frame(.call(let messageId, let action, let payload)):
            inbound.append((messageId, action, payload))
            return handling == nil ? startNextInbound() : []
        case .frame(.callResult(let messageId, let payload)):
            guard let request = claimReply(messageId) else { return [ignored(messageId)] }
            let outcome: CommandOutcome
            do {
                outcome = .result(try OutgoingCallResult.decode(action: request.call.action, payload: payload, version: version, quirks: quirks))
            } catch {
                outcome = .invalidResult(error)
            }
            return [.deliver(messageId: messageId, action: request.call.action, outcome: outcome)] + sendNext(at: now)
        case .frame(.callError(let messageId, let code, let description, _)):
            guard let request = claimReply(messageId) else { return [ignored(messageId)] }
            let outcome = CommandOutcome.error(code: OCPPErrorCode(received: code, version: version), rawCode: code, description: description)
            return [.deliver(messageId: messageId, action: request.call.action, outcome: outcome)] + sendNext(at: now)
        }
    }

    /// The handler's reply to the CALL it was given with ``SessionAction/handle(messageId:call:usedQuirks:)``.
    /// A BootNotification reply sets the registration state.
    public mutating func respond(to messageId: String, with result: IncomingCallResult) -> [SessionAction] {
        guard let current = handling, current.messageId == messageId else { return [] }
        let payload: JSONValue
        do {
            payload = try result.payload()
        } catch {
            return fail(messageId, error: error)
        }
        handling = nil
        var actions: [SessionAction] = [.send(.callResult(messageId: messageId, payload: payload))]
        if let state = Self.bootState(of: result), state != bootState {
            bootState = state
            actions.append(.bootStateChanged(state))
        }
        return actions + startNextInbound()
    }

    /// The handler could not serve the CALL (e.g. storage failing: `internalFailure`).
    public mutating func fail(_ messageId: String, error: OCPPError) -> [SessionAction] {
        guard let current = handling, current.messageId == messageId else { return [] }
        handling = nil
        return refuse(messageId, error) + startNextInbound()
    }

    // MARK: - Outbound commands

    /// Queues a CALL for the station; it is sent at once when the slot is free. A queued,
    /// unsent SetChargingProfile for the same slot is replaced, and a lower limit than the one
    /// queued or last sent for that slot goes to the front of the queue (docs/ocpp.md §5).
    /// A CALL of the other version is never sent: it is delivered at once as `notSent`.
    public mutating func enqueue(_ request: CommandRequest, at now: ContinuousClock.Instant) -> [SessionAction] {
        guard request.call.version == version else {
            let error = OCPPError(.internalFailure, "a \(request.call.version.rawValue) CALL on an \(version.rawValue) connection")
            return [.deliver(messageId: request.messageId, action: request.call.action, outcome: .notSent(error))]
        }
        var actions: [SessionAction] = []
        var position = queue.endIndex
        var previousLimit: (value: Double, unit: String)?
        if let slot = request.call.profileSlot {
            previousLimit = lastSentLimits[slot]
            if let index = queue.firstIndex(where: { $0.call.profileSlot == slot }) {
                previousLimit = queue[index].call.currentProfileLimit
                actions.append(.superseded(messageId: queue[index].messageId))
                queue.remove(at: index)
                position = index
            }
            if let previous = previousLimit, let limit = request.call.currentProfileLimit, previous.unit == limit.unit,
                limit.value < previous.value
            {
                position = queue.startIndex
            }
        }
        queue.insert(request, at: position)
        return actions + (inFlight == nil ? sendNext(at: now) : [])
    }

    /// Time passed: a CALL unanswered beyond the timeout frees the slot with an unknown outcome.
    public mutating func expire(at now: ContinuousClock.Instant) -> [SessionAction] {
        guard let current = inFlight, current.deadline <= now else { return [] }
        inFlight = nil
        timedOut.append(current.request.messageId)
        if timedOut.count > Self.timedOutMemory { timedOut.removeFirst() }
        return [.outcomeUnknown(messageId: current.request.messageId, action: current.request.call.action)] + sendNext(at: now)
    }

    /// The connection ended (closed, or superseded by a newer one, docs/ocpp.md §1 step 7). Returns
    /// the CALL whose outcome is now unknown and the unsent commands, for the next session.
    public mutating func close() -> (unanswered: CommandRequest?, unsent: [CommandRequest]) {
        defer {
            inFlight = nil
            queue = []
            inbound = []
            handling = nil
        }
        return (inFlight?.request, queue)
    }

    // MARK: - Internals

    private mutating func startNextInbound() -> [SessionAction] {
        var actions: [SessionAction] = []
        while handling == nil, !inbound.isEmpty {
            let (messageId, action, payload) = inbound.removeFirst()
            guard bootState == .accepted || action == "BootNotification" else {
                actions += refuse(messageId, OCPPError(.security, "station not accepted"))
                continue
            }
            var used: DecodingQuirks = []
            do {
                let call = try OCPPCodec.decodeCall(action: action, payload: payload, version: version, quirks: quirks, usedQuirks: &used)
                handling = (messageId, action)
                actions.append(.handle(messageId: messageId, call: call, usedQuirks: used))
            } catch {
                actions += refuse(messageId, error)
            }
        }
        return actions
    }

    private func refuse(_ messageId: String, _ error: OCPPError) -> [SessionAction] {
        [.refused(messageId: messageId, error: error), .send(.callError(answering: messageId, error: error, version: version))]
    }

    private mutating func claimReply(_ messageId: String) -> CommandRequest? {
        guard let current = inFlight, current.request.messageId == messageId else { return nil }
        inFlight = nil
        return current.request
    }

    private func ignored(_ messageId: String) -> SessionAction {
        .ignoredReply(messageId: messageId, late: timedOut.contains(messageId))
    }

    private mutating func sendNext(at now: ContinuousClock.Instant) -> [SessionAction] {
        var actions: [SessionAction] = []
        while inFlight == nil, !queue.isEmpty {
            let request = queue.removeFirst()
            do {
                let frame = OCPPFrame.call(messageId: request.messageId, action: request.call.action, payload: try request.call.payload())
                inFlight = (request, now + outboundTimeout)
                if let slot = request.call.profileSlot, let limit = request.call.currentProfileLimit {
                    lastSentLimits[slot] = limit
                }
                actions.append(.send(frame))
            } catch {
                actions.append(.deliver(messageId: request.messageId, action: request.call.action, outcome: .notSent(error)))
            }
        }
        return actions
    }

    private static func bootState(of result: IncomingCallResult) -> BootState? {
        switch result {
        case .v16(.bootNotification(let response)):
            switch response.status {
            case .accepted: .accepted
            case .pending: .pending
            case .rejected: .rejected
            }
        case .v201(.bootNotification(let response)):
            switch response.status {
            case .accepted: .accepted
            case .pending: .pending
            case .rejected: .rejected
            }
        default:
            nil
        }
    }
}
