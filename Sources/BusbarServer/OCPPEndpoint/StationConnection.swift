import DepotModel
import Foundation
import HummingbirdWebSocket
import Logging
import NIOWebSocket
import OCPP
import Storage

/// One live OCPP connection: owns the session state machine and performs its actions — writing
/// frames, running the call handler, resolving commands — one event at a time.
///
/// Every received frame is written to the message log before it is handled, and every reply is
/// sent only after the handler's commit (docs/reliability.md D1).
actor StationConnection {
    enum State {
        case open
        case closed
    }

    let admission: StationAdmission
    private var session: OCPPSession
    private let outbound: WebSocketOutboundWriter
    private let handler: StationCallHandler
    private let logger: Logger
    private var state = State.open
    private var waiting: [String: CheckedContinuation<StationReply, Never>] = [:]
    private let clock = ContinuousClock()

    init(admission: StationAdmission, bootState: StationBootState, outbound: WebSocketOutboundWriter, handler: StationCallHandler, logger: Logger) {
        self.admission = admission
        self.session = OCPPSession(version: admission.version, bootState: BootState(rawValue: bootState.rawValue) ?? .unknown)
        self.outbound = outbound
        self.handler = handler
        self.logger = logger
    }

    /// Handles one text frame from the station, including the reply to it.
    func receive(_ text: String) async {
        guard state == .open else { return }
        var logged = true
        do {
            try await handler.store.appendMessageLog(station: admission.identity, direction: .received, frame: text, at: handler.clock.now())
        } catch {
            logged = false
            logger.error("message log unavailable", metadata: ["error": "\(error)"])
        }
        await perform(session.receive(text, at: clock.now), frame: (text, logged))
    }

    /// Sends a command and waits for its outcome; the session keeps at most one CALL in flight.
    func send(_ call: OutgoingCall) async -> StationReply {
        guard state == .open else { return .notConnected }
        let request = CommandRequest(messageId: UUID().uuidString.lowercased(), call: call)
        return await withCheckedContinuation { continuation in
            waiting[request.messageId] = continuation
            Task { await self.perform(self.enqueue(request), frame: nil) }
        }
    }

    private func enqueue(_ request: CommandRequest) -> [SessionAction] { session.enqueue(request, at: clock.now) }

    /// Frees the outbound slot of a CALL past its timeout; called by the connection's timer.
    func expireOverdueCall() async {
        await perform(session.expire(at: clock.now), frame: nil)
    }

    /// When the timer must fire next.
    var nextDeadline: ContinuousClock.Instant? { session.nextDeadline }

    /// Ends the connection: waiting commands learn it, and with `code` the socket is closed (a
    /// newer connection of the same station supersedes this one with 1008, docs/ocpp.md §1 step 7).
    func close(code: WebSocketErrorCode?, reason: String?) async {
        guard state == .open else { return }
        state = .closed
        _ = session.close()
        for continuation in waiting.values { continuation.resume(returning: .notConnected) }
        waiting = [:]
        if let code { try? await outbound.close(code, reason: reason) }
    }

    /// - Parameter frame: the received frame these actions answer, and whether it is in the log.
    private func perform(_ actions: [SessionAction], frame: (text: String, logged: Bool)?) async {
        for action in actions {
            guard state == .open else { return }
            switch action {
            case .send(let reply):
                await write(reply.text)
            case .handle(let messageId, let call, let usedQuirks):
                if !usedQuirks.isEmpty { logger.notice("quirks used", metadata: ["ocpp.action": "\(call.action)", "quirks": "\(usedQuirks)"]) }
                let next: [SessionAction]
                do {
                    let result = try await handler.handle(call, frame: frame?.text ?? "", frameLogged: frame?.logged ?? false)
                    next = session.respond(to: messageId, with: result)
                } catch {
                    logger.error(
                        "station call failed", metadata: ["ocpp.action": "\(call.action)", "ocpp.msg.id": "\(messageId)", "error": "\(error)"])
                    next = session.fail(messageId, error: error)
                }
                await perform(next, frame: nil)
            case .refused(let messageId, let error):
                logger.warning("invalid message", metadata: ["ocpp.msg.id": "\(messageId)", "error": "\(error)"])
            case .deliver(let messageId, _, let outcome):
                waiting.removeValue(forKey: messageId)?.resume(returning: .outcome(outcome))
            case .outcomeUnknown(let messageId, let action):
                logger.warning("command timed out", metadata: ["ocpp.action": "\(action)", "ocpp.msg.id": "\(messageId)"])
                waiting.removeValue(forKey: messageId)?.resume(returning: .timedOut)
            case .ignoredReply(let messageId, let late):
                logger.notice("reply matches no call", metadata: ["ocpp.msg.id": "\(messageId)", "late": "\(late)"])
            case .dropped(let reason):
                logger.notice("frame dropped", metadata: ["reason": "\(reason)"])
            case .bootStateChanged(let bootState):
                logger.info("boot state", metadata: ["state": "\(bootState.rawValue)"])
            case .superseded(let messageId):
                waiting.removeValue(forKey: messageId)?.resume(
                    returning: .outcome(.notSent(OCPPError(.internalFailure, "superseded by a newer profile"))))
            }
        }
    }

    private func write(_ text: String) async {
        do {
            try await outbound.write(.text(text))
            try? await handler.store.appendMessageLog(station: admission.identity, direction: .sent, frame: text, at: handler.clock.now())
        } catch {
            logger.notice("write failed", metadata: ["error": "\(error)"])
        }
    }
}
