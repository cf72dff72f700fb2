import Foundation
import VDV

/// Checks a ProvideChargingInformation frame from Busbar the way a strict presystem would: it must
/// decode with the `VDV` codecs, carry no field those codecs do not know (found by comparing the
/// frame's key paths with those of the decoded payload encoded again), and name only vehicles of
/// the presystem's tenant.
struct ChargingReportCheck: Sendable {
    /// The vehicle ids (VINs and Busbar ids) of the presystem's tenant.
    let vehicles: Set<String>

    /// The problems of one decoded report.
    func problems(of message: VDV463.Message, text: String) -> [String] {
        guard case .chargingInformation(let payload) = message.body else { return ["not a ProvideChargingInformation request"] }
        var problems: [String] = []
        if let received = Self.payloadObject(Data(text.utf8)), let encoded = try? message.encoded(), let known = Self.payloadObject(encoded) {
            let unknown = Self.keyPaths(received).subtracting(Self.keyPaths(known))
            problems += unknown.sorted().map { "unknown field \($0)" }
        } else {
            problems.append("the payload could not be compared with the codecs")
        }
        for vehicle in Self.vehicleIds(payload) where !vehicles.contains(vehicle) {
            problems.append("vehicle \(vehicle) is not the presystem's")
        }
        return problems
    }

    /// Every vehicle id a report names, at points and in scheduled processes.
    static func vehicleIds(_ payload: VDV463.ProvideChargingInformationRequest) -> [String] {
        payload.depotInfoList.flatMap(\.chargingStationInfoList).flatMap(\.chargingPointInfoList).flatMap { point in
            (point.vehicleInfo.map { [$0.vehicleId] } ?? []) + (point.scheduledChargingProcessList ?? []).map(\.vehicleId)
        }
    }

    private static func payloadObject(_ data: Data) -> Any? {
        guard let frame = try? JSONSerialization.jsonObject(with: data) as? [Any], frame.count == 7 else { return nil }
        return frame[6]
    }

    /// Object key paths, array positions written `[]`, e.g. `depotInfoList[].name`.
    private static func keyPaths(_ value: Any, prefix: String = "") -> Set<String> {
        var paths: Set<String> = []
        if let object = value as? [String: Any] {
            for (key, child) in object {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                paths.insert(path)
                paths.formUnion(keyPaths(child, prefix: path))
            }
        } else if let array = value as? [Any] {
            for element in array { paths.formUnion(keyPaths(element, prefix: prefix + "[]")) }
        }
        return paths
    }
}
