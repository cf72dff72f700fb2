import BusbarServer
import DepotConfig
import DepotModel
import Foundation

/// The demo depot with what the VDV tests need on top: a VDV 463 presystem for VHH beside
/// Hochbahn's, and VDV 261 passwords for buses hb-01 (meets the V2 rules) and hb-02 (V1 rules only).
enum VDVTestDepot {
    static let hochbahn = (presystem: "urn:hochbahn:bms-1", user: "hochbahn-bms", password: "Hochbahn-VDV-secret-1")
    static let vhh = (presystem: "urn:vhh:itcs-1", user: "vhh-itcs", password: "VHH-VDV-secret-2")
    static let hb01 = (vin: "WEB62830410000001", password: "Kp4!depot-2026")
    static let hb02 = (vin: "WEB62830410000002", password: "simple")

    static let depot: Depot = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("config/depots")
        var yaml = try! String(contentsOf: folder.appendingPathComponent("demo.yaml"), encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: ", vdv261_password_env: DEMO_VDV261_PASSWORD", with: "")
        yaml = yaml.replacingOccurrences(
            of: "    billing: { mode: cost }\n",
            with: "    upstream:\n      vdv463: { presystem_id: \"\(vhh.presystem)\", username: \(vhh.user), password_env: TEST_VHH_VDV_PASSWORD }\n"
                + "    billing: { mode: cost }\n")
        for (id, variable) in [("hb-01", "TEST_HB01_VDV261"), ("hb-02", "TEST_HB02_VDV261")] {
            yaml = yaml.replacingOccurrences(of: "{ id: \(id), ", with: "{ id: \(id), vdv261_password_env: \(variable), ")
        }
        return try! DepotFileLoader.load(yaml: yaml, file: "demo.yaml", folder: folder)
    }()

    /// The process environment with the test passwords set.
    static let secrets = SecretResolver(
        environment: ProcessInfo.processInfo.environment.merging(
            [
                "DEMO_HOCHBAHN_VDV_PASSWORD": hochbahn.password, "TEST_VHH_VDV_PASSWORD": vhh.password, "TEST_HB01_VDV261": hb01.password,
                "TEST_HB02_VDV261": hb02.password,
            ], uniquingKeysWith: { _, new in new }))
}
