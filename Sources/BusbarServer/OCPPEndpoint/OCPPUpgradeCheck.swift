import DepotModel
import Foundation
import OCPP

/// The upgrade checklist of docs/ocpp.md §1 (steps 2–4 and 6), in order, as a pure function of the
/// request: identity, lookup, profile binding, credentials, subprotocol.
public enum OCPPUpgradeCheck {
    /// - Parameters:
    ///   - pathIdentity: the last path segment of `/ocpp/{stationId}`, still percent-encoded.
    ///   - authorization: the `Authorization` header, if any.
    ///   - offeredProtocols: the `Sec-WebSocket-Protocol` values, in order.
    public static func evaluate(
        pathIdentity: String, authorization: String?, offeredProtocols: [String], listener: ListenerKind, directory: StationDirectory
    ) -> Result<StationAdmission, UpgradeRefusal> {
        guard let identity = pathIdentity.removingPercentEncoding, (1...48).contains(identity.count), !identity.contains(":") else {
            return .failure(.invalidIdentity)
        }
        guard let entry = directory.entry(identity) else { return .failure(.unknownIdentity) }
        let profile = entry.charger.securityProfile
        guard listener.admits(securityProfile: profile) else { return .failure(.profileMismatch(configured: profile)) }
        if profile == 1 || profile == 2 {
            guard let (user, password) = basicCredentials(authorization) else { return .failure(.missingCredentials) }
            guard user == identity else { return .failure(.usernameMismatch) }
            guard let digest = entry.passwordDigest, digest.matches(password) else { return .failure(.wrongPassword) }
        }
        let configured: OCPPVersion = entry.charger.ocppVersion == .v16 ? .v16 : .v201
        guard let version = OCPPVersion.negotiate(offered: offeredProtocols, configured: configured) else {
            return .failure(.protocolMismatch)
        }
        return .success(StationAdmission(entry: entry, version: version))
    }

    /// The user name and password of a `Basic` authorization header.
    static func basicCredentials(_ header: String?) -> (String, String)? {
        guard let header, header.count < 1024 else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic", let data = Data(base64Encoded: String(parts[1])),
            let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
