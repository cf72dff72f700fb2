public import Foundation

/// One presystem connection as a pure state machine (docs/conventions.md §6, docs/vdv.md A4): the
/// BootNotification gate, the ProvideChargingInformation cadence with at most one outstanding,
/// and the ProvideChargingRequests path that confirms only after the caller has committed the diff.
/// No socket, clock or logger inside: the handler feeds events with the current time and performs
/// the returned actions.
public struct VDV463Session: Sendable {
    /// WebSocket close code when the presystem stops confirming (1001 "going away"): it reconnects.
    public static let closeGoingAway: UInt16 = 1001
    /// WebSocket close code after a rejected BootNotification (1008 "policy violation").
    public static let closePolicyViolation: UInt16 = 1008

    /// The settings this session runs with.
    public let configuration: Configuration
    /// The points and vehicles Busbar knows, used to judge requests; the adapter keeps it current.
    public var context: VDV463.ChargingRequestContext
    /// The presystem's requests as last committed.
    public private(set) var requests: [VDV463.ChargingRequest]
    /// The refusals to list in every ProvideChargingInformation until the presystem corrects them.
    public private(set) var rejections: [VDV463.RejectedChargingRequestInfo]

    private enum State: Equatable {
        case awaitingBoot
        case accepted
        case closed
    }

    private struct Outstanding {
        let messageId: String
        let sentAt: Date
    }

    private struct PendingCommit {
        let request: VDV463.Message
        let diff: VDV463.ChargingRequestDiff
    }

    private var state = State.awaitingBoot
    private var outstanding: Outstanding?
    private var nextChargingInformation: Date?
    private var pendingCommit: PendingCommit?
    private var queuedRequests: [(message: VDV463.Message, payload: VDV463.ProvideChargingRequestsRequest)] = []
    private let makeMessageId: @Sendable () -> String

    /// A session for a freshly upgraded connection.
    /// - Parameters:
    ///   - configuration: the presystem's settings.
    ///   - requests: its requests as stored, so the first list is diffed against them.
    ///   - rejections: its stored refusals.
    ///   - context: the points and vehicles Busbar knows.
    ///   - makeMessageId: ids for Busbar's own requests; lowercase random UUIDs in production.
    public init(
        configuration: Configuration,
        requests: [VDV463.ChargingRequest] = [],
        rejections: [VDV463.RejectedChargingRequestInfo] = [],
        context: VDV463.ChargingRequestContext,
        makeMessageId: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }
    ) {
        self.configuration = configuration
        self.requests = requests
        self.rejections = rejections
        self.context = context
        self.makeMessageId = makeMessageId
    }

    /// When `tick(at:)` next has something to do; nil before boot and after closing.
    public var nextDeadline: Date? {
        guard state == .accepted, let nextChargingInformation else { return nil }
        guard let outstanding else { return nextChargingInformation }
        return min(nextChargingInformation, outstanding.sentAt.addingTimeInterval(configuration.confirmationTimeout.timeInterval))
    }

    /// Whether the session has closed (rejected boot, confirmation timeout); every event is then ignored.
    public var isClosed: Bool { state == .closed }

    /// A text frame arrived: decode it, then handle it like `receive(_:at:)`, or like
    /// `receiveUndecodable(_:at:)` when it cannot be read.
    public mutating func receive(frame: Data, at now: Date) -> [Action] {
        do {
            return receive(try VDV463.Message.decode(frame), at: now)
        } catch {
            return receiveUndecodable(error, at: now)
        }
    }

    /// The frame to send for `sendChargingInformation(messageId:)`, with the payload the depot's state gives.
    public func chargingInformation(
        messageId: String,
        payload: VDV463.ProvideChargingInformationRequest,
        at now: Date
    ) -> VDV463.Message {
        .fromBusbar(presystemId: configuration.presystemId, timeStamp: now, messageId: messageId, body: .chargingInformation(payload))
    }

    /// A frame was read from the presystem.
    public mutating func receive(_ message: VDV463.Message, at now: Date) -> [Action] {
        guard state != .closed else { return [] }
        switch message.body {
        case .bootNotification(let boot):
            return receiveBoot(message, boot, at: now)
        case .chargingRequests(let payload):
            guard state == .accepted else { return [refuse(message, "BootNotification required", at: now)] }
            guard message.presystemId == configuration.presystemId else {
                return [refuse(message, "presystemId \(message.presystemId) is not the authenticated presystem", at: now)]
            }
            queuedRequests.append((message, payload))
            return pendingCommit == nil ? startNextCommit(at: now) : []
        case .chargingInformation:
            guard state == .accepted else { return [refuse(message, "BootNotification required", at: now)] }
            return [refuse(message, "ProvideChargingInformation is sent by the CMS, not by the presystem", at: now)]
        case .chargingInformationConfirmation:
            return receiveConfirmation(message, errorMessage: nil)
        case .error(.provideChargingInformation, let error):
            return receiveConfirmation(message, errorMessage: error.errorMessage)
        case .bootNotificationConfirmation, .chargingRequestsConfirmation, .error:
            return [.log(.unexpectedConfirmation(action: message.body.action, messageId: message.messageId))]
        }
    }

    /// A frame could not be decoded: answer with an error (3) when possible, else drop it (docs/vdv.md A3).
    public mutating func receiveUndecodable(_ error: VDV463.DecodeError, at now: Date) -> [Action] {
        guard state != .closed else { return [] }
        guard error.canBeAnswered, let messageId = error.messageId, let action = error.action else {
            return [.log(.dropped(error))]
        }
        let body = VDV463.Body.error(action, VDV463.ErrorResponse(errorMessage: error.description))
        return [.send(.fromBusbar(presystemId: configuration.presystemId, timeStamp: now, messageId: messageId, body: body))]
    }

    /// Time passed: send the next ProvideChargingInformation when due, skip it while the previous
    /// one is unconfirmed, close with 1001 when one stayed unconfirmed for the timeout.
    public mutating func tick(at now: Date) -> [Action] {
        guard state == .accepted, var next = nextChargingInformation else { return [] }
        if let outstanding, now >= outstanding.sentAt.addingTimeInterval(configuration.confirmationTimeout.timeInterval) {
            state = .closed
            return [.close(code: Self.closeGoingAway, reason: "ProvideChargingInformation unconfirmed for \(configuration.confirmationTimeout)")]
        }
        guard now >= next else { return [] }
        while next <= now {
            next = next.addingTimeInterval(configuration.chargingInformationInterval.timeInterval)
        }
        nextChargingInformation = next
        guard outstanding == nil else { return [] }
        return [sendChargingInformation(at: now)]
    }

    /// The caller committed the diff of this ProvideChargingRequests: confirm it, then take the next queued one.
    public mutating func chargingRequestsCommitted(messageId: String, at now: Date) -> [Action] {
        guard state != .closed, let pending = pendingCommit, pending.request.messageId == messageId else { return [] }
        pendingCommit = nil
        requests = pending.diff.resulting
        rejections = pending.diff.rejections
        return [.send(pending.request.reply(.chargingRequestsConfirmation, at: now))] + startNextCommit(at: now)
    }

    /// The commit failed: answer with an error (3), never a false confirmation (docs/reliability.md §1);
    /// the presystem resends its list and the stored state is unchanged.
    /// - Parameter errorMessage: why, when the depot refused the list as a whole (it names the request);
    ///   nil for a storage failure.
    public mutating func chargingRequestsFailed(messageId: String, errorMessage: String? = nil, at now: Date) -> [Action] {
        guard state != .closed, let pending = pendingCommit, pending.request.messageId == messageId else { return [] }
        pendingCommit = nil
        let text = errorMessage ?? "charging requests could not be stored; send them again"
        return [refuse(pending.request, text, at: now)] + startNextCommit(at: now)
    }

    private mutating func receiveBoot(_ message: VDV463.Message, _ boot: VDV463.BootNotificationRequest, at now: Date) -> [Action] {
        let acceptable =
            configuration.isEnabled && message.presystemId == configuration.presystemId
            && (boot.presystem == .bms || boot.presystem == .itcs)
        guard acceptable else {
            state = .closed
            let reply = message.reply(.bootNotificationConfirmation(.init(status: .rejected)), at: now)
            return [.send(reply), .close(code: Self.closePolicyViolation, reason: "BootNotification rejected")]
        }
        let reply = Action.send(message.reply(.bootNotificationConfirmation(.init(status: .accepted)), at: now))
        guard state == .awaitingBoot else { return [reply] }
        state = .accepted
        nextChargingInformation = now.addingTimeInterval(configuration.chargingInformationInterval.timeInterval)
        return [reply, sendChargingInformation(at: now)]
    }

    private mutating func receiveConfirmation(_ message: VDV463.Message, errorMessage: String?) -> [Action] {
        guard let expected = outstanding else {
            return [.log(.unexpectedConfirmation(action: message.body.action, messageId: message.messageId))]
        }
        outstanding = nil
        var actions: [Action] = []
        if message.messageId != expected.messageId {
            actions.append(.log(.mismatchedConfirmation(expected: expected.messageId, received: message.messageId)))
        }
        if let errorMessage {
            actions.append(.log(.refusedByPresystem(messageId: message.messageId, errorMessage: errorMessage)))
        }
        return actions
    }

    private mutating func sendChargingInformation(at now: Date) -> Action {
        let messageId = makeMessageId()
        outstanding = Outstanding(messageId: messageId, sentAt: now)
        return .sendChargingInformation(messageId: messageId)
    }

    /// Diffs the oldest queued list against the committed requests; a list refused as a whole is
    /// answered at once and the next one is tried.
    private mutating func startNextCommit(at now: Date) -> [Action] {
        var actions: [Action] = []
        while pendingCommit == nil, !queuedRequests.isEmpty {
            let (message, payload) = queuedRequests.removeFirst()
            do {
                let diff = try VDV463.ChargingRequestDiff(
                    presystemId: configuration.presystemId,
                    stored: requests,
                    incoming: payload.chargingRequestList,
                    context: context,
                    now: now
                )
                pendingCommit = PendingCommit(request: message, diff: diff)
                actions.append(.persistChargingRequests(messageId: message.messageId, diff: diff))
            } catch {
                actions.append(refuse(message, error.description, at: now))
            }
        }
        return actions
    }

    private func refuse(_ message: VDV463.Message, _ text: String, at now: Date) -> Action {
        .send(message.reply(.error(message.body.action, VDV463.ErrorResponse(errorMessage: text)), at: now))
    }
}
