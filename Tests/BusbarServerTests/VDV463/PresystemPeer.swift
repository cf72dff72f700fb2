import Foundation
import HummingbirdWSClient
import Testing

/// A scripted VDV 463 presystem in the tests: writes request frames, reads Busbar's frames,
/// and confirms every ProvideChargingInformation it reads on the way.
struct PresystemPeer {
    /// A frame from Busbar, parsed.
    struct Frame {
        let text: String
        let type: Int
        let presystemId: String
        let timeStamp: String
        let messageId: String
        let action: String
        let payload: [String: Any]
    }

    let presystemId: String
    private var frames: WebSocketInboundMessageStream.AsyncIterator
    private let outbound: WebSocketOutboundWriter
    /// Every ProvideChargingInformation read so far, oldest first.
    private(set) var chargingInformation: [Frame] = []

    init(presystemId: String, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) {
        self.presystemId = presystemId
        self.frames = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
        self.outbound = outbound
    }

    /// A request frame as the presystem sends it.
    func request(_ action: String, _ payload: String, messageId: String = UUID().uuidString.lowercased()) -> String {
        Self.request(presystemId: presystemId, action, payload, messageId: messageId)
    }

    /// A request frame with any presystemId in its envelope.
    static func request(presystemId: String, _ action: String, _ payload: String, messageId: String = UUID().uuidString.lowercased()) -> String {
        #"[1,"BMS","\#(presystemId)","2026-11-24T18:00:00.000Z","\#(messageId)","\#(action)",\#(payload)]"#
    }

    /// Sends a frame and returns Busbar's answer to it (confirmation or error), confirming any
    /// ProvideChargingInformation that arrives first.
    mutating func call(_ frame: String) async throws -> Frame {
        try await outbound.write(.text(frame))
        let messageId = try #require(frame.firstMatch(of: /^\[1,"[^"]*","[^"]*","[^"]*","([^"]+)"/)?.1)
        while true {
            let next = try await read()
            if next.type != 1 && next.messageId == messageId { return next }
        }
    }

    /// Reads until the next ProvideChargingInformation (confirmed on the way) and returns it.
    mutating func nextChargingInformation() async throws -> Frame {
        let count = chargingInformation.count
        while chargingInformation.count == count { _ = try await read() }
        return chargingInformation[count]
    }

    /// Reads one frame; a ProvideChargingInformation is recorded and confirmed with `{}`.
    private mutating func read() async throws -> Frame {
        guard case .text(let text) = try await frames.next() else { throw CancellationError() }
        let items = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any])
        try #require(items.count == 7)
        let frame = Frame(
            text: text, type: try #require(items[0] as? Int), presystemId: try #require(items[2] as? String),
            timeStamp: try #require(items[3] as? String), messageId: try #require(items[4] as? String), action: try #require(items[5] as? String),
            payload: try #require(items[6] as? [String: Any]))
        if frame.type == 1, frame.action == "ProvideChargingInformation" {
            chargingInformation.append(frame)
            try await outbound.write(
                .text(#"[2,"BMS","\#(presystemId)","2026-11-24T18:00:00.000Z","\#(frame.messageId)","ProvideChargingInformation",{}]"#))
        }
        return frame
    }
}

extension PresystemPeer.Frame {
    /// The `chargingPointId`s of the first depot, in order.
    var pointIds: [String] {
        let depots = payload["depotInfoList"] as? [[String: Any]] ?? []
        let stations = depots.first?["chargingStationInfoList"] as? [[String: Any]] ?? []
        return stations.flatMap { ($0["chargingPointInfoList"] as? [[String: Any]] ?? []).compactMap { $0["chargingPointId"] as? String } }
    }

    /// The `chargingRequestId`s of `rejectedChargingRequestInfoList`.
    var rejectedRequestIds: [String] {
        (payload["rejectedChargingRequestInfoList"] as? [[String: Any]] ?? []).compactMap { $0["chargingRequestId"] as? String }
    }

    /// Every point object of the tree, virtual station included.
    var points: [[String: Any]] {
        let depots = payload["depotInfoList"] as? [[String: Any]] ?? []
        let stations = depots.flatMap { $0["chargingStationInfoList"] as? [[String: Any]] ?? [] }
        return stations.flatMap { $0["chargingPointInfoList"] as? [[String: Any]] ?? [] }
    }

    /// Every scheduled process of the tree.
    var scheduledProcesses: [[String: Any]] {
        points.flatMap { $0["scheduledChargingProcessList"] as? [[String: Any]] ?? [] }
    }

    /// The `chargingRequestId`s of every scheduled process in the tree.
    var scheduledRequestIds: [String] { scheduledProcesses.compactMap { $0["chargingRequestId"] as? String } }
}
