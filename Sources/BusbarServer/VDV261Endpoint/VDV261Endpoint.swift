import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import VDV

/// `POST /vdv261/v2icp/messages`: a bus's VDV 261 message (docs/vdv.md Part B) — Basic auth with its VIN
/// and per-vehicle password, the body merged into its parameter state and passed to the depot's
/// runtime as the vehicle's needs, and an answer built from stored depot state and the
/// `preconditioning` policy's plan (never waiting on upstream or the solver), encoded per the
/// depot's `vdv261:` section. Malformed input gets a 4xx with a JSON reason.
struct VDV261Endpoint: Sendable {
    /// The default path (docs/vdv.md B2; the official one is unconfirmed).
    static let path = "/vdv261/v2icp/messages"

    let directory: VehicleDirectory
    let controllers: [DepotID: DepotController]
    let parameters: VehicleParameterStore
    /// Failed logins are slowed down per source and VIN, as for stations and presystems.
    let throttle: AuthenticationThrottle
    let clock: any BusbarClock

    func register(on router: Router<BusbarRequestContext>) {
        router.post(RouterPath(Self.path)) { request, context in
            await answer(request, context: context)
        }
        for method in [HTTPRequest.Method.get, .put, .delete, .patch] {
            router.on(RouterPath(Self.path), method: method) { _, _ in
                Self.refusal(.methodNotAllowed, "only POST is allowed", headers: [.allow: "POST"])
            }
        }
    }

    private func answer(_ request: Request, context: BusbarRequestContext) async -> Response {
        guard let (vin, password) = OCPPUpgradeCheck.basicCredentials(request.headers[.authorization]) else {
            return Self.refusal(.unauthorized, "Basic authorization with the VIN is required", headers: [.wwwAuthenticate: "Basic realm=\"busbar\""])
        }
        guard let entry = directory.authenticate(vin: vin, password: password), let controller = controllers[entry.depot] else {
            context.logger.warning("VDV 261 login failed", metadata: ["security.event": "FailedToAuthenticate", "vdv.vin": "\(vin)"])
            let (delay, _) = await throttle.recordFailure(source: context.remoteAddress, identity: vin, at: clock.now())
            if delay > .zero { try? await Task.sleep(for: delay) }
            return Self.refusal(.unauthorized, "unknown VIN or wrong password", headers: [.wwwAuthenticate: "Basic realm=\"busbar\""])
        }
        let message: VDV261.Request
        do {
            let body = try await request.body.collect(upTo: VDV261.maximumBodySize)
            message = try VDV261.Request.decode(Data(body.readableBytesView))
        } catch let error as VDV261.RequestError {
            return Self.refusal(HTTPResponse.Status(code: error.httpStatus), error.description)
        } catch is NIOTooManyBytesError {
            return Self.refusal(.contentTooLarge, "body exceeds \(VDV261.maximumBodySize) bytes")
        } catch {
            return Self.refusal(.badRequest, "body could not be read")
        }
        guard message.vin == vin else {
            context.logger.warning(
                "VDV 261 body vin differs from the authenticated VIN", metadata: ["security.event": "VINMismatch", "vdv.vin": "\(vin)"])
            return Self.refusal(.forbidden, "vin differs from the authenticated VIN")
        }
        let depot = await controller.depot
        let settings = VDV261.Settings(depot: depot)
        let configured = depot.vdv261.versions[entry.vehicle.id].flatMap { VDV261.Version(rawValue: $0.rawValue) }
        let version = VDV261.Version.detect(configured: configured, request: message)
        let problems = VDV261.PasswordProblem.check(password, for: version)
        guard problems.isEmpty else {
            context.logger.warning("VDV 261 password breaks the \(version.rawValue) rules", metadata: ["vdv.vin": "\(vin)"])
            return Self.refusal(.unauthorized, "password does not meet the \(version.rawValue) rules")
        }
        let vehicle = entry.vehicle
        let snapshot = await controller.snapshot(tenant: vehicle.tenant)
        let plugIn = snapshot.connectors.first { $0.session?.vehicle == vehicle.id }?.session?.id.rawValue ?? "unplugged"
        let outcome = await parameters.merge(message, vehicle: vehicle.id, plugIn: plugIn, version: version, settings: settings)
        if case .unexpected(let expected) = outcome.step {
            context.logger.notice("VDV 261 seq skipped", metadata: ["vdv.vin": "\(vin)", "vdv.seq": "\(message.seq)", "vdv.expected": "\(expected)"])
        }
        if !outcome.missingV2Fields.isEmpty {
            context.logger.notice("VDV 261 V2 delta without \(outcome.missingV2Fields.joined(separator: ", "))", metadata: ["vdv.vin": "\(vin)"])
        }
        if let reported = await parameters.reported(plugIns: [vehicle.id: plugIn])[vehicle.id] {
            await controller.vehicleReported(VehicleReport(vehicle: vehicle.id, reported: reported, settings: settings))
        }
        let plan = await controller.preconditioning(for: vehicle.id)
        let stay = snapshot.stays.first { $0.id == plan?.stay } ?? snapshot.stays.first { $0.vehicle == vehicle.id }
        let decision = VDV261.Decision(stay: stay, plan: plan, at: clock.now())
        let reply = VDV261.Response(replyingTo: message, decision: decision, version: version, settings: settings)
        return Response(
            status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.encoded())))
    }

    /// A 4xx answer with a JSON reason.
    private static func refusal(_ status: HTTPResponse.Status, _ reason: String, headers: HTTPFields = [:]) -> Response {
        let body = (try? JSONEncoder().encode(["error": reason])) ?? Data()
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
