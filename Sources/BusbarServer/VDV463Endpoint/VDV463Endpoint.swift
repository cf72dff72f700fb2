import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOWebSocket
import VDV

/// `/vdv463`: the presystem's WebSocket (docs/vdv.md A2) — subprotocol and Basic auth checked before the
/// upgrade, then one connection task with a reader and a timer that drives the ProvideChargingInformation
/// cadence on the server's clock (docs/conventions.md §5).
struct VDV463Endpoint: Sendable {
    /// The largest frame accepted, as for OCPP (docs/vdv.md A2).
    static let maxFrameSize = 1 << 20

    let directory: PresystemDirectory
    let depots: [DepotID: Depot]
    let controllers: [DepotID: DepotController]
    let registry: PresystemRegistry
    /// What vehicles reported over VDV 261, for `VehicleInfo` in the reports.
    let parameters: VehicleParameterStore
    let throttle: AuthenticationThrottle
    let clock: any BusbarClock
    let chargingInformationInterval: Duration
    /// How long a report may stay unconfirmed (clock time) before the connection is closed.
    let confirmationTimeout: Duration

    func register(on router: Router<BusbarRequestContext>) {
        router.ws("/vdv463") { request, context in
            await shouldUpgrade(request, context: context)
        } onUpgrade: { inbound, outbound, context in
            try await run(inbound: inbound, outbound: outbound, request: context.request, context: context.requestContext)
        }
    }

    /// Why an upgrade is refused.
    private enum Refusal: Error, CustomStringConvertible {
        case protocolMismatch
        case missingCredentials
        case wrongCredentials(username: String)

        var description: String {
            switch self {
            case .protocolMismatch: "protocol mismatch: v1.463.vdv.de not offered"
            case .missingCredentials: "no Basic authorization"
            case .wrongCredentials(let username): "wrong user name or password for \(username)"
            }
        }
    }

    private func evaluate(_ request: Request) -> Result<(PresystemDirectory.Entry, VDV463Subprotocol), Refusal> {
        let offered = request.headers[values: .secWebSocketProtocol].flatMap { $0.split(separator: ",") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let (username, password) = OCPPUpgradeCheck.basicCredentials(request.headers[.authorization]) else {
            return .failure(.missingCredentials)
        }
        guard let entry = directory.authenticate(username: username, password: password) else {
            return .failure(.wrongCredentials(username: username))
        }
        guard let subprotocol = VDV463Subprotocol.negotiate(offered: offered) else { return .failure(.protocolMismatch) }
        return .success((entry, subprotocol))
    }

    private func shouldUpgrade(_ request: Request, context: BusbarRequestContext) async -> RouterShouldUpgrade {
        let source = context.remoteAddress
        return await throttle.guardingUpgrade(from: source, logger: context.logger) {
            await decide(request, context: context, source: source)
        }
    }

    private func decide(_ request: Request, context: BusbarRequestContext, source: String) async -> RouterShouldUpgrade {
        switch evaluate(request) {
        case .success(let (_, subprotocol)):
            return .upgrade([.secWebSocketProtocol: subprotocol.rawValue])
        case .failure(let refusal):
            context.logger.warning("VDV 463 upgrade refused: \(refusal)", metadata: ["source": "\(source)"])
            if case .wrongCredentials(let username) = refusal {
                context.logger.warning("VDV 463 login failed", metadata: ["security.event": "FailedToAuthenticate", "vdv.user": "\(username)"])
                let (delay, _) = await throttle.recordFailure(source: source, identity: username, at: clock.now())
                if delay > .zero { try? await Task.sleep(for: delay) }
            }
            return .dontUpgrade
        }
    }

    private func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, request: Request, context: BusbarRequestContext) async throws
    {
        guard case .success(let (entry, _)) = evaluate(request), let depot = depots[entry.depot], let tenant = depot.tenant(entry.tenant),
            let controller = controllers[depot.id]
        else {
            try await outbound.close(.policyViolation, reason: "not admitted")
            return
        }
        var logger = context.logger
        logger[metadataKey: "vdv.presystem"] = "\(entry.presystemID)"
        logger[metadataKey: "depot.id"] = "\(depot.id)"
        let scope = PresystemScope(presystemID: entry.presystemID, depot: depot, tenant: tenant)
        let configuration = VDV463Session.Configuration(
            presystemId: entry.presystemID, chargingInformationInterval: chargingInformationInterval, confirmationTimeout: confirmationTimeout)
        let (connection, replaced) = await registry.connect(entry.presystemID) { [registry, parameters, clock, logger] committed in
            PresystemConnection(
                scope: scope, configuration: configuration, requests: committed.requests, rejections: committed.rejections,
                outbound: outbound, controller: controller, registry: registry, parameters: parameters, clock: clock,
                logger: logger)
        }
        if let replaced {
            logger.warning("connection superseded by a new one", metadata: ["security.event": "DuplicateConnection"])
            await replaced.close(reason: "superseded by a new connection")
        }
        logger.info("presystem connected")
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    let deadline = await connection.nextDeadline ?? clock.now().addingTimeInterval(chargingInformationInterval.secondsValue)
                    do { try await clock.sleep(until: deadline) } catch { return }
                    await connection.tick()
                }
            }
            do {
                for try await message in inbound.messages(maxSize: Self.maxFrameSize) {
                    switch message {
                    case .text(let text): await connection.receive(text)
                    case .binary: logger.notice("binary VDV 463 frame dropped")
                    }
                    if await connection.isClosed { break }
                }
            } catch {
                logger.notice("connection ended", metadata: ["error": "\(error)"])
            }
            group.cancelAll()
        }
        await registry.detach(connection)
        logger.info("presystem disconnected")
    }
}
