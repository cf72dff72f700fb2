import Foundation
import Testing

/// `busbar config check --summary` lists the VDV 261 encodings in force, defaults included, so
/// operators see what Busbar assumes (docs/vdv.md B6).
@Suite("busbar config check shows the VDV 261 encodings")
struct ConfigSummaryVDV261Tests {
    @Test func theDefaultsAreShownWhenTheSectionIsAbsent() async throws {
        let result = try await BusbarBinary.run(["config", "check", "--summary", "config/depots/demo.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("  vdv261     driveoff sna (sna 65535), ambienttemp sna (sna 255), target_dist omitted\n"))
        #expect(
            result.stdout.contains(
                "  vdv261     scale odo×1 bat_reqtime×1 prec_reqtime×1 bat_eamount×1 prec_eamount×1 bprec_eamount×1; request sna none\n"))
        #expect(result.stdout.contains("  vdv261     chrg_stat none; bat_stat none; h2_stat none; versions detected per message"))
    }

    @Test func aConfiguredSectionIsShownAsWritten() async throws {
        let result = try await BusbarBinary.run([
            "config", "check", "--summary", "Tests/DepotConfigTests/Fixtures/schema/valid/all-optional-sections.yaml",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "  vdv261     driveoff minutes_of_day_local (sna 65535), ambienttemp offset -40 scale 1 (sna 255), target_dist km, sna 65535\n"))
        #expect(result.stdout.contains("bat_reqtime×1 prec_reqtime×1 bat_eamount×1 prec_eamount×1000 bprec_eamount×1; request sna odo=16777215\n"))
        #expect(result.stdout.contains("  vdv261     chrg_stat 0=ReadyToCharge 1=Charging; bat_stat 0=OK 1=NOK; h2_stat none; versions bus-1=V2"))
    }
}
