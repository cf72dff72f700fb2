import OCPP
import Testing

@Suite("Subprotocol negotiation")
struct SubprotocolTests {
    @Test(arguments: [
        (["ocpp1.6", "ocpp2.0.1"], OCPPVersion?.some(.v16), OCPPVersion?.some(.v16)),
        (["ocpp1.6", "ocpp2.0.1"], nil, .v201),
        (["ocpp1.6"], .v201, .v16),
        (["ocpp2.0"], nil, nil),
        ([], .v16, nil),
    ])
    func negotiation(offered: [String], configured: OCPPVersion?, expected: OCPPVersion?) {
        #expect(OCPPVersion.negotiate(offered: offered, configured: configured) == expected)
    }
}
