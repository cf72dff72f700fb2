public import DepotModel
import Foundation
import HTTPTypes
import HummingbirdWSClient
public import Logging
import NIOWebSocket
public import VDV

/// A virtual VDV 463 presystem (`BMS`) on a real WebSocket: it connects to Busbar's `/vdv463`
/// with the subprotocol and Basic auth, drives ``PresystemProtocol`` on the injected clock,
/// reconnects with a seeded back-off, and keeps what Busbar reported: the latest state of every
/// vehicle (``PresystemFleetView``), the problems the checks found, and a sample of the frames.
public actor VirtualPresystem {
    /// The presystem's fleet as the reports describe it.
    public private(set) var fleet = PresystemFleetView()
    /// Reports received so far.
    public private(set) var reports = 0
    /// The last report received.
    public private(set) var lastReport: ChargingReport?
    /// Every problem found in a report, prefixed with the report's number.
    public private(set) var problems: [String] = []
    /// Connections opened so far (Busbar closes one whose report stayed unconfirmed too long).
    public private(set) var connections = 0
    /// Distinct lists Busbar accepted so far.
    public private(set) var accepted = 0
    /// Busbar's error messages for lists it refused.
    public private(set) var refusals: [String] = []
    /// Frames as exchanged: every frame the presystem sent, the first report, one report per
    /// `sampleEvery` of clock time after it, and every report with a problem — for schema checks.
    public private(set) var frames: [String] = []

    private var machine: PresystemProtocol
    private let url: String
    private let authorization: String
    private let clock: any BusbarClock
    private let sampleEvery: TimeInterval
    private let logger: Logger
    private let onEvent: @Sendable (PresystemEvent) -> Void
    private var random: SeededGenerator
    private var writer: WebSocketOutboundWriter?
    private var lastSample: Date?
    private var stopped = false

    /// - Parameters:
    ///   - baseURL: Busbar's listener, e.g. `ws://127.0.0.1:8180`; the presystem connects to `baseURL/vdv463`.
    ///   - vehicles: the ids (VINs and Busbar ids) of the tenant's vehicles, which alone may appear in reports.
    ///   - timetable: the requests sent after the boot (see ``UpstreamTimetable``).
    ///   - sampleEvery: clock time between two report frames kept in ``frames``.
    ///   - onEvent: called for every ``PresystemEvent``, e.g. to print it.
    public init(
        presystemId: String, kind: VDV463.PresystemKind = .bms, username: String, password: String, baseURL: String, vehicles: Set<String>,
        timetable: [VDV463.ChargingRequest], clock: any BusbarClock, sampleEvery: Duration = .seconds(1800), seed: UInt64, logger: Logger,
        onEvent: @escaping @Sendable (PresystemEvent) -> Void = { _ in }
    ) {
        machine = PresystemProtocol(presystemId: presystemId, kind: kind, vehicles: vehicles, timetable: timetable, seed: seed)
        url = (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/vdv463"
        authorization = "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
        self.clock = clock
        self.sampleEvery = sampleEvery.secondsValue
        self.random = SeededGenerator(seed: ~seed)
        var logger = logger
        logger[metadataKey: "vdv.presystem"] = .string(presystemId)
        self.logger = logger
        self.onEvent = onEvent
    }

    /// The requests as the presystem wants them now.
    public var timetable: [VDV463.ChargingRequest] { machine.timetable }

    /// Connects, and reconnects after a drop, until ``stop()`` or cancellation.
    public func run() async {
        var failures = 0
        while !Task.isCancelled, !stopped {
            do {
                try await WebSocketClient.connect(url: url, configuration: configuration(), logger: logger) { inbound, outbound, _ in
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

    /// Sends a changed list (the full list, as VDV 463 wants) once no other list is outstanding.
    public func replaceTimetable(_ requests: [VDV463.ChargingRequest]) async {
        await perform(machine.replaceTimetable(requests, at: clock.now()))
    }

    /// Ends ``run()`` and closes the connection.
    public func stop() async {
        stopped = true
        try? await writer?.close(.normalClosure, reason: nil)
    }

    private func configuration() -> WebSocketClientConfiguration {
        var headers = HTTPFields()
        headers[.secWebSocketProtocol] = VDV463Subprotocol.v1.rawValue
        headers[.authorization] = authorization
        return WebSocketClientConfiguration(maxFrameSize: 1 << 20, additionalHeaders: headers)
    }

    private func opened(_ outbound: WebSocketOutboundWriter) async {
        writer = outbound
        connections += 1
        await perform(machine.connected(at: clock.now()))
    }

    private func closed() {
        writer = nil
        machine.disconnected()
    }

    private func received(_ text: String) async {
        await perform(machine.receive(text, at: clock.now()))
    }

    private func perform(_ actions: [PresystemProtocol.Action]) async {
        for action in actions {
            switch action {
            case .send(let message):
                await write(message)
            case .event(let event):
                if case .report(let report) = event { record(report) }
                if case .timetableAccepted = event { accepted += 1 }
                if case .timetableRefused(let reason) = event { refusals.append(reason) }
                onEvent(event)
            case .close(let reason):
                stopped = true
                logger.notice("closing VDV 463 connection: \(reason)")
                try? await writer?.close(.normalClosure, reason: reason)
            }
        }
    }

    private func record(_ report: ChargingReport) {
        reports = report.number
        lastReport = report
        fleet.apply(report)
        problems += report.problems.map { "report \(report.number): \($0)" }
        if !report.problems.isEmpty || lastSample.map({ report.at.timeIntervalSince($0) >= sampleEvery }) ?? true {
            frames.append(report.text)
            lastSample = report.at
        }
    }

    private func write(_ message: VDV463.Message) async {
        guard let writer else { return }
        do {
            let text = String(decoding: try message.encoded(), as: UTF8.self)
            try await writer.writeTextMessage(text)
            frames.append(text)
        } catch {
            logger.debug("write failed", metadata: ["error": "\(error)"])
        }
    }
}
