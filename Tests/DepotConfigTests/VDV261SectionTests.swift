import DepotConfig
import DepotModel
import Foundation
import Testing

/// The depot file's `vdv261:` section (docs/vdv.md B6): the conservative defaults when it is absent,
/// every key when present, and located errors.
@Suite("Depot file vdv261 section")
struct VDV261SectionTests {
    static func depot(withSection section: String) -> String { LoaderHarness.minimal + "vdv261:\n" + section }

    @Test func withoutTheSectionEveryFieldKeepsItsSNADefault() throws {
        let encodings = try LoaderHarness.load(LoaderHarness.minimal).get().vdv261
        #expect(encodings == VDV261Encodings())
        #expect(encodings.driveoff == .sna && encodings.driveoffNotAvailable == 65535)
        #expect(encodings.ambientTemperature == nil && encodings.ambientTemperatureNotAvailable == 255)
        #expect(encodings.targetDistance == nil && encodings.scaleFactors.isEmpty && encodings.chargingStatusCodes.isEmpty)
    }

    @Test func everyKeyIsRead() throws {
        let yaml = Self.depot(
            withSection: """
                  driveoff_encoding: minutes_of_day_local
                  driveoff_sna: 65000
                  ambienttemp: { offset: -40, scale: 0.5 }
                  ambienttemp_sna: 250
                  target_dist: { unit: m, sna: 16777215 }
                  scale: { odo: 0.1, prec_reqtime: 1, bat_eamount: 1000 }
                  sna: { bat_reqtime: 255, chrg_stat: 15 }
                  chrg_stat: { 0: ReadyToCharge, 1: Charging, 7: Preconditioning }
                  bat_stat: { 0: OK, 2: NOK }
                  h2_stat: { 3: NA }
                  versions: { bus-1: V1 }

                """)
        let encodings = try LoaderHarness.load(yaml).get().vdv261
        #expect(encodings.driveoff == .minutesOfDayLocal && encodings.driveoffNotAvailable == 65000)
        #expect(encodings.ambientTemperature == VDV261Encodings.LinearEncoding(offset: -40, scale: 0.5))
        #expect(encodings.ambientTemperatureNotAvailable == 250)
        #expect(encodings.targetDistance == VDV261Encodings.TargetDistance(unit: .metres, notAvailable: 16_777_215))
        #expect(encodings.scaleFactors == ["odo": 0.1, "prec_reqtime": 1, "bat_eamount": 1000])
        #expect(encodings.notAvailableValues == ["bat_reqtime": 255, "chrg_stat": 15])
        #expect(encodings.chargingStatusCodes == [0: .readyToCharge, 1: .charging, 7: .preconditioning])
        #expect(encodings.batteryStatusCodes == [0: .ok, 2: .notOK] && encodings.h2StatusCodes == [3: .notAvailable])
        #expect(encodings.versions == ["bus-1": .v1])
    }

    @Test(arguments: [
        ("  driveoff_encoding: minutes\n", "vdv261.driveoff_encoding", 30, "must be one of sna, minutes_of_day_local"),
        ("  ambienttemp: { offset: -40, scale: 0 }\n", "vdv261.ambienttemp.scale", 30, "must be > 0"),
        ("  target_dist: { unit: miles, sna: 1 }\n", "vdv261.target_dist.unit", 30, "must be one of km, m"),
        ("  scale: { seq: 2 }\n", "vdv261.scale.seq", 30, "unknown key"),
        ("  chrg_stat: { 1: Charging, 300: Charging }\n", "vdv261.chrg_stat.300", 30, "codes are whole numbers 0–255"),
        ("  bat_stat: { 0: Good }\n", "vdv261.bat_stat.0", 30, "must be one of OK, NOK, NA"),
        ("  versions: { bus-9: V2 }\n", "vdv261.versions.bus-9", 30, "unknown vehicle bus-9"),
        ("  driveof_encoding: sna\n", "vdv261.driveof_encoding", 30, "unknown key"),
    ])
    func mistakesAreLocatedByLineAndKeyPath(section: String, keyPath: String, line: Int, message: String) throws {
        let issues = LoaderHarness.issues(Self.depot(withSection: section))
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.file == "test.yaml" && issue.line == line && issue.keyPath == keyPath, "\(issue)")
        #expect(issue.message.contains(message), "\(issue.message)")
    }
}
