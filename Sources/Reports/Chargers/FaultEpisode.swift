import DepotModel
import Foundation
import Storage

/// A stretch during which one connector of a charger reported `Faulted`, read from the
/// StatusNotification frames of the OCPP message log (1.6 `status`, 2.0.1 `connectorStatus`).
/// It ends at the connector's next other status; one still open runs to `end`.
struct FaultEpisode: Sendable, Hashable {
    let charger: ChargerID
    let connector: Int
    let interval: Range<Date>

    /// Every fault episode in the logged frames (oldest first), open ones closed at `end`.
    static func episodes(in frames: [LoggedFrame], until end: Date) -> [FaultEpisode] {
        var started: [String: (ChargerID, Int, Date)] = [:]
        var episodes: [FaultEpisode] = []
        for frame in frames {
            guard let (connector, faulted) = status(in: frame.frame) else { continue }
            let key = "\(frame.station.rawValue)\u{1F}\(connector)"
            if faulted {
                if started[key] == nil { started[key] = (frame.station, connector, frame.at) }
            } else if let (charger, number, since) = started.removeValue(forKey: key) {
                episodes.append(FaultEpisode(charger: charger, connector: number, interval: since..<Swift.max(since, frame.at)))
            }
        }
        for (charger, connector, since) in started.values {
            episodes.append(FaultEpisode(charger: charger, connector: connector, interval: since..<Swift.max(since, end)))
        }
        return episodes.sorted { $0.interval.lowerBound < $1.interval.lowerBound }
    }

    /// The connector (1.6 `connectorId`, 2.0.1 `evseId`) and whether it is faulted, from a
    /// StatusNotification CALL; nil for any other frame.
    static func status(in frame: String) -> (connector: Int, faulted: Bool)? {
        guard let message = try? JSONSerialization.jsonObject(with: Data(frame.utf8)) as? [Any], message.count == 4,
            message[0] as? Int == 2, message[2] as? String == "StatusNotification", let payload = message[3] as? [String: Any],
            let status = (payload["status"] ?? payload["connectorStatus"]) as? String
        else { return nil }
        let connector = (payload["evseId"] ?? payload["connectorId"]) as? Int ?? 0
        return (connector, status == "Faulted")
    }
}
