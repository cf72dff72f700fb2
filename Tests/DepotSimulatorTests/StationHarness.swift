import DepotSimulator
import Foundation
import OCPP

/// Drives one pure station against the fake CSMS and records every CALL it sends, so tests read
/// as tables of events and the messages they cause.
struct StationHarness {
    var station: SimulatedStation
    var csms = FakeCSMS()
    var now = Date(timeIntervalSince1970: 1_800_000_000)
    /// Every CALL sent, in order.
    var sent: [(action: String, payload: JSONValue)] = []
    /// Actions the fake CSMS leaves unanswered, so the CALL stays in flight.
    var unanswered: Set<String> = []
    /// How many more times the fake CSMS answers an action with CALLERROR InternalError.
    var failing: [String: Int] = [:]

    init(version: OCPPVersion, connectors: Int = 1, seed: UInt64 = 7) {
        station = SimulatedStation(
            setup: StationSetup(id: "CP-1", version: version, connectorCount: connectors, connectorMaxKW: 150), password: "secret", seed: seed
        )
    }

    /// Connects and completes the boot.
    mutating func boot() throws {
        station.connected(at: now)
        try pump()
    }

    /// Sends and answers CALLs until the station has nothing left to send.
    mutating func pump() throws {
        while let call = station.nextCall(at: now) {
            guard case .call(_, let action, let payload) = call else { continue }
            sent.append((action, payload))
            guard !unanswered.contains(action) else { return }
            if let remaining = failing[action], remaining > 0, case .call(let messageId, _, _) = call {
                failing[action] = remaining - 1
                let error = OCPPFrame.callError(
                    answering: messageId, error: OCPPError(.internalFailure, "storage down"), version: station.setup.version
                )
                _ = station.receive(error, at: now)
                continue
            }
            let reply = try csms.answer(call, version: station.setup.version, at: now)
            _ = station.receive(reply, at: now)
        }
    }

    /// Moves time forward in steps of at most `step` seconds, pumping after each.
    mutating func advance(by seconds: Double, step: Double = 1) throws {
        let end = now.addingTimeInterval(seconds)
        while now < end {
            now = min(end, now.addingTimeInterval(step))
            station.advance(to: now)
            try pump()
        }
    }

    /// Delivers a CSMS CALL built from a typed request and returns the station's reply frame.
    mutating func call(_ call: OutgoingCall) throws -> OCPPFrame? {
        let reply = station.receive(.call(messageId: "csms-1", action: call.action, payload: try call.payload()), at: now)
        try pump()
        return reply
    }

    /// The payload of a CALLRESULT reply.
    func resultPayload(_ frame: OCPPFrame?) -> JSONValue? {
        guard case .callResult(_, let payload) = frame else { return nil }
        return payload
    }

    /// The actions sent since index `from`.
    func actions(from: Int = 0) -> [String] { sent[from...].map(\.action) }

    /// Decodes the CALLs of one action as a typed request.
    func requests<T: SchemaDescribed>(_ type: T.Type, action: String) throws -> [T] {
        try sent.filter { $0.action == action }.map { try OCPPCodec.decode(T.self, from: $0.payload) }
    }
}
