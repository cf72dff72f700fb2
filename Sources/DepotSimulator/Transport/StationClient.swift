public import DepotModel
public import Foundation
import HTTPTypes
import HummingbirdWSClient
public import Logging
import NIOWebSocket
import OCPP

/// One simulated station on a real WebSocket: it connects with the station's subprotocol and
/// Basic auth, feeds frames into the pure ``SimulatedStation``, sends its CALLs one at a time,
/// advances it on the injected clock (online or not) and reconnects with a seeded back-off.
public actor StationClient {
    /// Counters for the periodic summary.
    public struct Counters: Hashable, Sendable {
        /// Whether the WebSocket is open.
        public var connected: Bool
        /// Connectors in state Charging.
        public var charging: Int
        /// Power drawn, kW.
        public var powerKW: Double
        /// Frames written so far.
        public var framesSent: Int
        /// Frames read so far.
        public var framesReceived: Int
    }

    /// The station model, for inspection.
    public private(set) var station: SimulatedStation
    private let baseURL: String
    private let clock: any BusbarClock
    private let tick: Duration
    private let logger: Logger
    private var random: SeededGenerator
    private var writer: WebSocketOutboundWriter?
    private var framesSent = 0
    private var framesReceived = 0
    private var offlineUntil: Date?
    private var dropRequested = false
    private var stopped = false

    /// - Parameters:
    ///   - baseURL: e.g. `ws://127.0.0.1:8180`; the station connects to `baseURL/ocpp/{id}`.
    ///   - tick: how often, in clock time, the station advances (meter values, heartbeats).
    public init(station: SimulatedStation, baseURL: String, clock: any BusbarClock, tick: Duration = .seconds(1), seed: UInt64, logger: Logger) {
        self.station = station
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.clock = clock
        self.tick = tick
        self.random = SeededGenerator(seed: seed)
        var logger = logger
        logger[metadataKey: "cp.id"] = .string(station.setup.id)
        logger[metadataKey: "ocpp.version"] = .string(station.setup.version.rawValue)
        self.logger = logger
    }

    /// Runs until cancelled: the connection loop and the clock loop as two child tasks.
    public func run() async {
        await withDiscardingTaskGroup { group in
            group.addTask { await self.connectionLoop() }
            group.addTask { await self.clockLoop() }
        }
    }

    /// The summary figures now.
    public var counters: Counters {
        Counters(
            connected: writer != nil, charging: station.connectors.filter { $0.status == .charging }.count, powerKW: station.powerKW,
            framesSent: framesSent, framesReceived: framesReceived
        )
    }

    /// Plugs a vehicle in and sends what follows.
    @discardableResult
    public func plugIn(connector: Int, vehicle: PluggedVehicle) async -> SimulatedStation.PlugInOutcome {
        let outcome = station.plugIn(connector: connector, vehicle: vehicle, at: clock.now())
        await flush()
        return outcome
    }

    /// Unplugs the vehicle from a connector.
    public func unplug(connector: Int) async {
        station.unplug(connector: connector, at: clock.now())
        await flush()
    }

    /// A plugged-in vehicle starts or stops pre-conditioning: it draws `kw` besides its battery.
    public func setAuxiliaryLoad(connector: Int, idToken: String, kw: Double) {
        station.setAuxiliaryLoad(connector: connector, idToken: idToken, kw: kw, at: clock.now())
    }

    /// Injects a connector fault.
    public func fault(connector: Int, errorCode: String) async {
        station.fault(connector: connector, errorCode: errorCode, at: clock.now())
        await flush()
    }

    /// Ends ``run()``: closes the connection and stops both loops.
    public func stop() async {
        stopped = true
        try? await writer?.close(.normalClosure, reason: nil)
    }

    /// Drops the connection and stays offline until `until` (clock time).
    public func dropConnection(until: Date) async {
        offlineUntil = until
        dropRequested = true
        try? await writer?.close(.goingAway, reason: "simulated outage")
    }

    private func connectionLoop() async {
        var failures = 0
        while !Task.isCancelled, !stopped {
            if let until = offlineUntil {
                do { try await clock.sleep(until: until) } catch { return }
                offlineUntil = nil
            }
            dropRequested = false
            do {
                try await WebSocketClient.connect(url: "\(baseURL)/ocpp/\(station.setup.id)", configuration: configuration(), logger: logger) {
                    inbound, outbound, _ in
                    await self.opened(outbound)
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        guard case .text(let text) = message else { continue }
                        await self.received(text)
                    }
                }
                failures = 0
            } catch {
                failures += 1
                logger.debug("connection failed", metadata: ["error": "\(error)"])
            }
            closed()
            if stopped { return }
            let backOff = min(60, Double(1 << min(failures, 6))) * Double.random(in: 0.5...1, using: &random)
            do { try await clock.sleep(for: .seconds(backOff)) } catch { return }
        }
    }

    private func clockLoop() async {
        while !Task.isCancelled, !stopped {
            do { try await clock.sleep(for: tick) } catch { return }
            station.advance(to: clock.now())
            await flush()
        }
    }

    private func configuration() -> WebSocketClientConfiguration {
        let credentials = Data("\(station.setup.id):\(station.password)".utf8).base64EncodedString()
        var headers = HTTPFields()
        headers[.secWebSocketProtocol] = station.setup.version.rawValue
        headers[.authorization] = "Basic \(credentials)"
        return WebSocketClientConfiguration(maxFrameSize: 1 << 20, additionalHeaders: headers)
    }

    private func opened(_ outbound: WebSocketOutboundWriter) async {
        writer = outbound
        station.advance(to: clock.now())
        station.connected(at: clock.now())
        if dropRequested { try? await outbound.close(.goingAway, reason: "simulated outage") }
        await flush()
    }

    private func closed() {
        writer = nil
        station.disconnected()
    }

    private func received(_ text: String) async {
        framesReceived += 1
        let frame: OCPPFrame
        switch OCPPFrame.decode(text) {
        case .frame(let decoded): frame = decoded
        case .reject(let messageId, let error):
            await write(.callError(answering: messageId, error: error, version: station.setup.version))
            return
        case .drop: return
        }
        let now = clock.now()
        station.advance(to: now)
        if let reply = station.receive(frame, at: now) { await write(reply) }
        await flush()
    }

    /// Sends the next CALL if the slot is free.
    private func flush() async {
        guard writer != nil, let call = station.nextCall(at: clock.now()) else { return }
        await write(call)
    }

    private func write(_ frame: OCPPFrame) async {
        guard let writer else { return }
        do {
            try await writer.writeTextMessage(frame.text)
            framesSent += 1
        } catch {
            logger.debug("write failed", metadata: ["error": "\(error)"])
        }
    }
}
