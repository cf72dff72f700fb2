import Testing
import VDV

@Suite("VDV 463 subprotocol")
struct SubprotocolTests {
    @Test func prefersV1AndRefusesUnknownOffers() {
        #expect(VDV463Subprotocol.negotiate(offered: ["v2.463.vdv.de", "v1.463.vdv.de"]) == .v1)
        #expect(VDV463Subprotocol.negotiate(offered: ["v2.463.vdv.de"]) == .v2)
        #expect(VDV463Subprotocol.negotiate(offered: ["ocpp1.6"]) == nil)
    }
}
