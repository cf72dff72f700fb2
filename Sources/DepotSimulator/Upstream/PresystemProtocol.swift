public import Foundation
public import VDV

/// The presystem's side of VDV 463 as a pure state machine (docs/conventions.md §6): boot first, then
/// the complete list of charging requests (again after every accepted boot and whenever it
/// changes, one ProvideChargingRequests outstanding at a time; a list accepted again unchanged
/// after a reconnection is no news), and a confirmation for every ProvideChargingInformation,
/// each checked by ``ChargingReportCheck``. Time is an argument;
/// message ids come from a seeded generator, so a run is repeatable.
public struct PresystemProtocol: Sendable {
    /// What the connection should do.
    public enum Action: Equatable, Sendable {
        /// Write this frame.
        case send(VDV463.Message)
        /// Tell the owner.
        case event(PresystemEvent)
        /// Close the socket (Busbar refused the boot).
        case close(reason: String)
    }

    private enum Phase: Equatable {
        case offline
        case booting(messageId: String)
        case booted
        case rejected
    }

    /// The presystemId Busbar has configured for these credentials.
    public let presystemId: String
    /// `BMS` or `ITCS`, sent in the BootNotification and as every message's source.
    public let kind: VDV463.PresystemKind
    /// The requests as the presystem wants them now.
    public private(set) var timetable: [VDV463.ChargingRequest]
    /// ProvideChargingInformation requests received so far, readable or not.
    public private(set) var reports = 0
    private let check: ChargingReportCheck
    private var random: SeededGenerator
    private var phase = Phase.offline
    private var outstanding: (messageId: String, requests: [VDV463.ChargingRequest])?
    private var lastAccepted: [VDV463.ChargingRequest]?
    private var unsent = true

    /// - Parameters:
    ///   - vehicles: the ids (VINs and Busbar ids) of the tenant's vehicles; a report naming another is a problem.
    ///   - timetable: the requests to send after the boot.
    public init(presystemId: String, kind: VDV463.PresystemKind, vehicles: Set<String>, timetable: [VDV463.ChargingRequest], seed: UInt64) {
        self.presystemId = presystemId
        self.kind = kind
        self.timetable = timetable
        self.check = ChargingReportCheck(vehicles: vehicles)
        self.random = SeededGenerator(seed: seed)
    }

    /// The socket is open: boot. The list goes out again after the boot, as after any reconnection.
    public mutating func connected(at now: Date) -> [Action] {
        let id = random.uuidText()
        phase = .booting(messageId: id)
        outstanding = nil
        unsent = true
        return [.send(message(id, .bootNotification(VDV463.BootNotificationRequest(presystem: kind)), at: now))]
    }

    /// The socket closed.
    public mutating func disconnected() {
        phase = .offline
        outstanding = nil
    }

    /// The presystem's list changed: it goes out as soon as no other list is outstanding.
    public mutating func replaceTimetable(_ requests: [VDV463.ChargingRequest], at now: Date) -> [Action] {
        timetable = requests
        unsent = true
        return flush(at: now)
    }

    /// One text frame from Busbar.
    public mutating func receive(_ text: String, at now: Date) -> [Action] {
        let message: VDV463.Message
        do {
            message = try VDV463.Message.decode(Data(text.utf8))
        } catch {
            var actions: [Action] = []
            if error.messageType == .request, error.action == .provideChargingInformation {
                reports += 1
                actions.append(.event(.report(ChargingReport(number: reports, at: now, payload: nil, problems: [error.description], text: text))))
            }
            if error.canBeAnswered, let id = error.messageId, let action = error.action {
                actions.append(.send(self.message(id, .error(action, VDV463.ErrorResponse(errorMessage: error.description)), at: now)))
            }
            return actions
        }
        switch message.body {
        case .bootNotificationConfirmation(let response):
            guard phase == .booting(messageId: message.messageId) else { return [] }
            guard response.status == .accepted else { return rejected() }
            phase = .booted
            return [.event(.booted)] + flush(at: now)
        case .error(.bootNotification, _):
            guard phase == .booting(messageId: message.messageId) else { return [] }
            return rejected()
        case .chargingRequestsConfirmation:
            guard let sent = outstanding, sent.messageId == message.messageId else { return [] }
            outstanding = nil
            let news = sent.requests == lastAccepted ? [] : [Action.event(.timetableAccepted(requests: sent.requests.count))]
            lastAccepted = sent.requests
            return news + flush(at: now)
        case .error(.provideChargingRequests, let error):
            guard outstanding?.messageId == message.messageId else { return [] }
            outstanding = nil
            return [.event(.timetableRefused(reason: error.errorMessage))] + flush(at: now)
        case .chargingInformation(let payload):
            reports += 1
            let report = ChargingReport(
                number: reports, at: message.timeStamp, payload: payload, problems: check.problems(of: message, text: text), text: text)
            return [.send(self.message(message.messageId, .chargingInformationConfirmation, at: now)), .event(.report(report))]
        case .bootNotification, .chargingRequests:
            let refusal = VDV463.ErrorResponse(errorMessage: "\(message.body.action.rawValue) is sent by the presystem, not to it")
            return [.send(self.message(message.messageId, .error(message.body.action, refusal), at: now))]
        case .chargingInformationConfirmation, .error:
            return []
        }
    }

    private mutating func rejected() -> [Action] {
        phase = .rejected
        return [.event(.bootRejected), .close(reason: "BootNotification rejected")]
    }

    /// Sends the list when booted, changed since it last went out, and no other list is outstanding.
    private mutating func flush(at now: Date) -> [Action] {
        guard phase == .booted, outstanding == nil, unsent else { return [] }
        unsent = false
        let id = random.uuidText()
        outstanding = (id, timetable)
        return [.send(message(id, .chargingRequests(VDV463.ProvideChargingRequestsRequest(chargingRequestList: timetable)), at: now))]
    }

    private func message(_ id: String, _ body: VDV463.Body, at now: Date) -> VDV463.Message {
        VDV463.Message(source: kind.rawValue, presystemId: presystemId, timeStamp: now, messageId: id, body: body)
    }
}
