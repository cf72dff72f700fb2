import AsyncHTTPClient
public import DepotModel
public import Foundation
public import Logging
import NIOCore
import NIOHTTP1
import VDV

/// A virtual bus speaking VDV 261 (docs/vdv.md Part B) during one visit: once plugged in it POSTs its
/// message every `interval` of clock time to Busbar's endpoint with its VIN and password — the
/// complete set with `seq` 0 first, then deltas, the counter wrapping 255 → 0 — reads the
/// answer, and pre-conditions while `prec_dsrd` is 1 by drawing `preconditioningKW` through its
/// charger (the connector's meter shows the extra load). It stops at its departure.
public actor VirtualBus {
    /// The VIN, also the Basic-auth user name.
    public let vin: String
    private let password: String
    private let visit: VehicleVisit
    private let station: StationClient
    private let url: String
    private let interval: Duration
    private let preconditioningKW: Double
    private let clock: any BusbarClock
    private let log: BusLog
    private let logger: Logger
    private var seq = 0
    private var preconditioning = false
    private var leaving: Date

    /// - Parameters:
    ///   - visit: the stay; the bus talks from one `interval` after its arrival until its departure.
    ///   - station: the charger it is plugged into, which carries its pre-conditioning load.
    ///   - baseURL: Busbar's HTTP listener, e.g. `http://127.0.0.1:8180`.
    ///   - interval: clock time between two POSTs.
    ///   - preconditioningKW: what the bus draws while pre-conditioning.
    public init(
        vin: String, password: String, visit: VehicleVisit, station: StationClient, baseURL: String, interval: Duration = .seconds(60),
        preconditioningKW: Double = 20, clock: any BusbarClock, log: BusLog, logger: Logger
    ) {
        self.vin = vin
        self.password = password
        self.visit = visit
        self.station = station
        self.url = (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/vdv261/v2icp/messages"
        self.interval = interval
        self.preconditioningKW = preconditioningKW
        self.leaving = visit.departure
        self.clock = clock
        self.log = log
        var logger = logger
        logger[metadataKey: "vdv.vin"] = .string(vin)
        self.logger = logger
    }

    /// Talks to Busbar for the length of the visit, or until `end` (clock time) if that comes first.
    public func run(until end: Date = .distantFuture) async {
        leaving = min(end, visit.departure)
        var next = visit.arrival.addingTimeInterval(interval.secondsValue)
        while next < leaving {
            do { try await clock.sleep(until: next) } catch { break }
            guard clock.now() < leaving else { break }
            await exchange()
            next = next.addingTimeInterval(interval.secondsValue)
        }
        if preconditioning {
            preconditioning = false
            await log.stopped(vin: vin, at: min(clock.now(), leaving))
        }
    }

    /// One POST and what follows from its answer.
    private func exchange() async {
        let message = Self.message(seq: seq, vin: vin, battery: visit.vehicle.battery, preconditioningKW: preconditioningKW)
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Basic " + Data("\(vin):\(password)".utf8).base64EncodedString())
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: message.body()))
        let directive: BusDirective
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: VDV261.maximumBodySize)
            guard response.status == .ok else {
                await log.recordFailure("\(vin) seq \(message.seq): HTTP \(response.status.code) \(String(buffer: body))")
                return
            }
            directive = try BusDirective.decode(Data(body.readableBytesView))
        } catch {
            await log.recordFailure("\(vin) seq \(message.seq): \(error)")
            return
        }
        seq = Self.seq(after: seq)
        await log.record(directive)
        await follow(directive)
    }

    /// The counter after an answered POST: 0–255, wrapping 255 → 0 (docs/vdv.md B3).
    static func seq(after seq: Int) -> Int { (seq + 1) % 256 }

    /// The complete set at `seq` 0 (also after the counter wrapped), a V2 delta (statuses only) otherwise.
    static func message(seq: Int, vin: String, battery: SimulatedBattery, preconditioningKW: Double) -> VDV261.Request {
        guard seq == 0 else { return VDV261.Request(seq: seq, vin: vin, chrgStat: 1, h2Stat: 0, batStat: 0) }
        return VDV261.Request(
            seq: 0, vin: vin, odo: 120_000, batReqtime: 25, batEamount: Int((100 - battery.stateOfCharge) / 100 * battery.capacityKWh * 1000),
            precReqtime: 35, precEamount: Int(preconditioningKW * 35 / 60 * 1000), chrgStat: 1, h2Stat: 0, batStat: 0)
    }

    private func follow(_ directive: BusDirective) async {
        let desired = directive.precDsrd == 1
        guard desired != preconditioning else { return }
        preconditioning = desired
        await station.setAuxiliaryLoad(connector: visit.connector, idToken: visit.vehicle.idToken, kw: desired ? preconditioningKW : 0)
        if desired {
            logger.info("pre-conditioning started")
            await log.started(
                PreconditioningEpisode(
                    vin: vin, idToken: visit.vehicle.idToken, start: clock.now(), climateMode: directive.precHvac, powerKW: preconditioningKW))
        } else {
            logger.info("pre-conditioning stopped")
            // An answer that arrives after the bus has left cannot stop it later than that.
            await log.stopped(vin: vin, at: min(clock.now(), leaving))
        }
    }
}
