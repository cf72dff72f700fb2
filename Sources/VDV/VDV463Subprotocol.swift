/// The WebSocket subprotocol of VDV 463 (docs/vdv.md A2): `v1.463.vdv.de` is the only confirmed string;
/// a client that offers only `v2.463.vdv.de` gets that echoed.
public enum VDV463Subprotocol: String, Hashable, Sendable, CaseIterable {
    case v1 = "v1.463.vdv.de"
    case v2 = "v2.463.vdv.de"

    /// The subprotocol to echo for an offer, preferring v1; nil refuses the upgrade.
    public static func negotiate(offered: [String]) -> VDV463Subprotocol? {
        let offers = Set(offered.compactMap(VDV463Subprotocol.init(rawValue:)))
        return offers.contains(.v1) ? .v1 : offers.contains(.v2) ? .v2 : nil
    }
}
