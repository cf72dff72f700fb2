import DepotModel
import DepotRuntime
import Foundation
import HummingbirdWebSocket
import Logging
import NIOWebSocket
import VDV

/// One live VDV 463 connection: drives the `VDV463Session` state machine with the server's clock
/// and performs its actions — writing frames, committing charging requests through the depot's
/// controller before they are confirmed, building ProvideChargingInformation from the depot's state.
actor PresystemConnection {
    let scope: PresystemScope
    private var session: VDV463Session
    private let outbound: WebSocketOutboundWriter
    private let controller: DepotController
    private let registry: PresystemRegistry
    private let parameters: VehicleParameterStore
    private let clock: any BusbarClock
    private let logger: Logger
    private var closed = false

    /// - Parameters:
    ///   - requests: the presystem's requests as last committed (kept by the registry across reconnections).
    ///   - rejections: its refusals as last reported.
    ///   - registry: where each commit is recorded for the presystem's next connection.
    ///   - parameters: what vehicles reported over VDV 261, read with the depot's `vdv261:` encodings for the reports.
    init(
        scope: PresystemScope, configuration: VDV463Session.Configuration, requests: [VDV463.ChargingRequest],
        rejections: [VDV463.RejectedChargingRequestInfo], outbound: WebSocketOutboundWriter, controller: DepotController,
        registry: PresystemRegistry, parameters: VehicleParameterStore, clock: any BusbarClock, logger: Logger
    ) {
        self.scope = scope
        self.session = VDV463Session(configuration: configuration, requests: requests, rejections: rejections, context: scope.context)
        self.outbound = outbound
        self.controller = controller
        self.registry = registry
        self.parameters = parameters
        self.clock = clock
        self.logger = logger
    }

    /// When the session next wants `tick()`; nil before boot and after closing.
    var nextDeadline: Date? { session.nextDeadline }

    /// Whether the session or the socket has closed.
    var isClosed: Bool { closed || session.isClosed }

    /// Handles one text frame from the presystem, including the answer to it.
    func receive(_ text: String) async {
        guard !closed else { return }
        await perform(session.receive(frame: Data(text.utf8), at: clock.now()))
    }

    /// Lets the session send a due ProvideChargingInformation or give up on an unconfirmed one.
    func tick() async {
        guard !closed else { return }
        await perform(session.tick(at: clock.now()))
    }

    /// Closes the socket (a newer connection of the same presystem replaces this one).
    func close(reason: String) async {
        guard !closed else { return }
        closed = true
        try? await outbound.close(.policyViolation, reason: reason)
    }

    private func perform(_ actions: [VDV463Session.Action]) async {
        for action in actions where !closed {
            switch action {
            case .send(let message):
                await write(message)
            case .sendChargingInformation(let messageId):
                await write(session.chargingInformation(messageId: messageId, payload: await chargingInformation(), at: clock.now()))
            case .persistChargingRequests(let messageId, let diff):
                await perform(await commit(diff, messageId: messageId))
            case .close(let code, let reason):
                closed = true
                logger.notice("closing VDV 463 connection: \(reason)")
                try? await outbound.close(code == VDV463Session.closeGoingAway ? .goingAway : .policyViolation, reason: reason)
            case .log(let notice):
                logger.warning("VDV 463 deviation: \(notice)")
            }
        }
    }

    /// The report from the depot's state as the presystem's tenant sees it.
    private func chargingInformation() async -> VDV463.ProvideChargingInformationRequest {
        let snapshot = await controller.snapshot(tenant: scope.tenant.id)
        var plugIns: [VehicleID: String] = [:]
        for connector in snapshot.connectors {
            if let session = connector.session, let vehicle = session.vehicle { plugIns[vehicle] = session.id.rawValue }
        }
        return scope.chargingInformation(
            snapshot: snapshot, predictions: await controller.predictions(tenant: scope.tenant.id), requests: session.requests,
            rejections: session.rejections, reported: await parameters.reported(plugIns: plugIns),
            vdv261: VDV261.Settings(depot: scope.depot))
    }

    /// Stores the presystem's accepted list as its stays, whole or not at all, then lets the session
    /// confirm it; a list that cannot become stays is refused with an error naming the request.
    private func commit(_ diff: VDV463.ChargingRequestDiff, messageId: String) async -> [VDV463Session.Action] {
        do {
            let entries = try scope.entries(for: diff.resulting, now: clock.now())
            try await controller.replaceTimetable(entries, source: .vdv463(presystemID: scope.presystemID))
            logger.info(
                "charging requests stored",
                metadata: [
                    "vdv.msg.id": "\(messageId)", "vdv.created": "\(diff.creates.count)", "vdv.updated": "\(diff.updates.count)",
                    "vdv.deleted": "\(diff.deletes.count)", "vdv.rejected": "\(diff.rejections.count)",
                ])
            let actions = session.chargingRequestsCommitted(messageId: messageId, at: clock.now())
            await registry.record(scope.presystemID, (session.requests, session.rejections))
            return actions
        } catch let error as PresystemScope.TimetableError {
            return session.chargingRequestsFailed(messageId: messageId, errorMessage: error.description, at: clock.now())
        } catch RuntimeError.invalid(let reason) {
            return session.chargingRequestsFailed(messageId: messageId, errorMessage: reason, at: clock.now())
        } catch {
            logger.error("charging requests could not be stored", metadata: ["vdv.msg.id": "\(messageId)", "error": "\(error)"])
            return session.chargingRequestsFailed(messageId: messageId, at: clock.now())
        }
    }

    private func write(_ message: VDV463.Message) async {
        do {
            let data = try message.encoded()
            try await outbound.write(.text(String(decoding: data, as: UTF8.self)))
        } catch {
            logger.notice("VDV 463 frame not sent", metadata: ["error": "\(error)"])
            closed = true
        }
    }
}
