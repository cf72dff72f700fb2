import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOWebSocket
import OCPP
import Storage

/// `/ocpp/{stationId}`: the upgrade checklist before any frame is read, then one connection task
/// per station with a reader and an outbound-timeout timer (docs/conventions.md §5).
struct OCPPEndpoint: Sendable {
    let directory: StationDirectory
    let depots: [DepotID: Depot]
    let controllers: [DepotID: DepotController]
    let store: BusbarStore
    let clock: any BusbarClock
    let registry: StationRegistry
    let throttle: AuthenticationThrottle
    let bootAdmission: BootAdmission
    let configuration: ServerConfiguration
    let heartbeatInterval: Int

    func register(on router: Router<BusbarRequestContext>) {
        router.ws("/ocpp/:stationId") { request, context in
            await shouldUpgrade(request, context: context)
        } onUpgrade: { inbound, outbound, context in
            try await run(inbound: inbound, outbound: outbound, request: context.request, context: context.requestContext)
        }
    }

    private func evaluate(_ request: Request, context: BusbarRequestContext) -> Result<StationAdmission, UpgradeRefusal> {
        let offered = request.headers[values: .secWebSocketProtocol].flatMap { $0.split(separator: ",") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        return OCPPUpgradeCheck.evaluate(
            pathIdentity: context.parameters.get("stationId") ?? "", authorization: request.headers[.authorization], offeredProtocols: offered,
            listener: configuration.listener, directory: directory)
    }

    private func shouldUpgrade(_ request: Request, context: BusbarRequestContext) async -> RouterShouldUpgrade {
        let source = context.remoteAddress
        return await throttle.guardingUpgrade(from: source, logger: context.logger) {
            await decide(request, context: context, source: source)
        }
    }

    private func decide(_ request: Request, context: BusbarRequestContext, source: String) async -> RouterShouldUpgrade {
        switch evaluate(request, context: context) {
        case .success(let admission):
            return .upgrade([.secWebSocketProtocol: admission.version.rawValue])
        case .failure(let refusal):
            let identity = context.parameters.get("stationId") ?? ""
            context.logger.warning(
                "upgrade refused: \(refusal)",
                metadata: ["security.event": "\(refusal.securityEvent)", "cp.id": "\(identity)", "source": "\(source)"])
            if refusal.isCredentialFailure {
                let (delay, report) = await throttle.recordFailure(source: source, identity: identity, at: clock.now())
                if report {
                    context.logger.warning(
                        "authentication throttled", metadata: ["security.event": "AuthenticationThrottled", "source": "\(source)"])
                }
                if delay > .zero { try? await Task.sleep(for: delay) }
            }
            return .dontUpgrade
        }
    }

    private func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, request: Request, context: BusbarRequestContext) async throws
    {
        guard case .success(let admission) = evaluate(request, context: context), let depot = depots[admission.entry.depot],
            let controller = controllers[depot.id]
        else {
            try await outbound.close(.policyViolation, reason: "not admitted")
            return
        }
        var logger = context.logger
        logger[metadataKey: "cp.id"] = "\(admission.identity)"
        logger[metadataKey: "ocpp.version"] = "\(admission.version.rawValue)"
        logger[metadataKey: "depot.id"] = "\(depot.id)"
        let handler = StationCallHandler(
            admission: admission, depot: depot, store: store, controller: controller, clock: clock, bootAdmission: bootAdmission,
            heartbeatInterval: heartbeatInterval)
        let connection = StationConnection(
            admission: admission, bootState: try await store.bootState(station: admission.identity), outbound: outbound, handler: handler,
            logger: logger)
        if let previous = await registry.attach(connection) {
            logger.warning("connection superseded by a new one", metadata: ["security.event": "DuplicateConnection"])
            await previous.close(code: .policyViolation, reason: "superseded")
        }
        try await store.recordPresence(depot: depot.id, station: admission.identity, online: true, at: clock.now())
        await controller.handle(.presence(admission.identity, online: true))
        logger.info("station connected")
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    await connection.expireOverdueCall()
                }
            }
            var rateLimit = InboundRateLimit(rate: configuration.inboundRate, burst: configuration.inboundBurst)
            let clock = ContinuousClock()
            do {
                for try await message in inbound.messages(maxSize: configuration.maxFrameSize) {
                    let delay = rateLimit.delay(at: clock.now)
                    if delay > .zero { try await Task.sleep(for: delay) }
                    switch message {
                    case .text(let text): await connection.receive(text)
                    case .binary:
                        try await outbound.close(.unacceptableData, reason: "OCPP-J uses text frames")
                        return
                    }
                }
            } catch {
                logger.notice("connection ended", metadata: ["error": "\(error)"])
            }
            group.cancelAll()
        }
        await connection.close(code: nil, reason: nil)
        if await registry.detach(connection) {
            try? await store.recordPresence(depot: depot.id, station: admission.identity, online: false, at: clock.now())
            await controller.handle(.presence(admission.identity, online: false))
        }
        logger.info("station disconnected")
    }
}
