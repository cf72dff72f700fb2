import DepotModel
import Foundation
import PowerSolver

/// How `busbar plan` shows a plan: a table per vehicle and an hourly site chart for people, JSON
/// for machines, and an SVG chart of the site profile against the limit.
struct PlanRendering {
    let depot: Depot
    let stays: [TimetableEntry]
    let vehicles: [PlanningVehicle]
    let plan: PowerSolver.Plan

    private func clock(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = depot.timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return TimeOfDay(hour: parts.hour!, minute: parts.minute!)!.description
    }

    private func number(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

    private func reason(_ vehiclePlan: VehiclePlan) -> String {
        guard vehiclePlan.shortfall.total.value >= 0.05 else { return "" }
        return vehiclePlan.binding.map { $0.summary(in: depot.timeZone) }.joined(separator: "; ")
    }

    /// Energies are battery-side (what reaches the battery), as SoC targets are.
    func text() -> String {
        let slotMinutes = Int(plan.grid.slotLength.secondsValue / 60)
        var lines = [
            "Plan for depot \(depot.id) \"\(depot.name)\" from \(clock(plan.grid.slotStart(0))) to \(clock(plan.grid.slotStart(plan.grid.count)))"
                + " (\(depot.timeZone.identifier)), \(plan.grid.count) slots of \(slotMinutes) min",
            "",
        ]
        let header = [
            "vehicle", "tier", "bay", "arrival", "departure", "need kWh", "planned kWh", "SoC at departure", "target", "short kWh", "reason",
        ]
        var rows = [header]
        for (index, vehiclePlan) in plan.vehicles.enumerated() {
            let vehicle = vehicles[index]
            let stay = stays.first { $0.vehicle == vehicle.id }
            rows.append([
                vehicle.id.rawValue, "\(vehicle.tier)", stay?.bay?.rawValue ?? "-", clock(vehicle.arrival), clock(vehicle.departure),
                number(vehicle.wantedEnergy.value), number(vehiclePlan.deliveredEnergy.value),
                number(vehiclePlan.departureStateOfCharge.value) + " %", number(vehicle.maxTarget.value, 0) + " %",
                number(vehiclePlan.shortfall.total.value), reason(vehiclePlan),
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
            lines.append(cells.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
        }
        let objectives = plan.objectives
        let short = plan.vehicles.filter { $0.shortfall.total.value >= 0.05 }.count
        lines.append("")
        lines.append(
            "site: peak \(number(objectives.peak.value, 0)) kW, energy \(number(plan.vehicles.map(\.deliveredEnergy).sum().value, 0)) kWh,"
                + " cost \(number(objectives.cost, 2)), unmet \(number(objectives.totalUnmet.value)) kWh, \(short) of \(plan.vehicles.count) vehicles short"
        )
        for deficit in plan.capacityDeficits.prefix(5) {
            lines.append("warning: base load alone exceeds \(deficit.node) by \(deficit.excess) at \(clock(plan.grid.slotStart(deficit.slot)))")
        }
        lines.append("")
        lines.append(contentsOf: chart())
        return lines.joined(separator: "\n")
    }

    /// One row per hour: average load as a bar, the lowest limit of the hour as `|`.
    private func chart() -> [String] {
        let slotsPerHour = max(1, Int(3600 / plan.grid.slotLength.secondsValue))
        let scale = max(1, (plan.site.map(\.limit.value).max() ?? 1) / 60)
        var lines = ["site profile, hourly average (█ = \(number(scale, 0)) kW, | = limit)"]
        for first in stride(from: 0, to: plan.site.count, by: slotsPerHour) {
            let slots = plan.site[first..<min(plan.site.count, first + slotsPerHour)]
            let load = slots.map(\.total.value).reduce(0, +) / Double(slots.count)
            let limit = slots.map(\.limit.value).min() ?? 0
            let bar = Array(repeating: "█", count: Int(load / scale)).joined()
            let padding = max(0, Int(limit / scale) - bar.count)
            lines.append(
                "\(clock(plan.grid.slotStart(first)))  \(bar)\(String(repeating: " ", count: padding))|  \(number(load, 0)) / \(number(limit, 0)) kW")
        }
        return lines
    }

    func json() -> String {
        struct Document: Encodable {
            struct VehicleRow: Encodable {
                let vehicle: String, tier: Int, bay: String?, arrival: Date, departure: Date
                let energyNeededKWh: Double, plannedKWh: Double, departureSoC: Double
                let minTargetTime: Date?, maxTargetTime: Date?
                let shortfallKWh: Double, intrinsicShortfallKWh: Double, gridLimitedShortfallKWh: Double
                let reasons: [String]
                let powerKW: [Double]
            }
            struct SiteRow: Encodable { let start: Date, chargingKW: Double, fixedLoadKW: Double, limitKW: Double }
            let depot: String, start: Date, slotMinutes: Int, peakKW: Double, cost: Double, unmetKWh: Double
            let vehicles: [VehicleRow]
            let site: [SiteRow]
        }
        let rows = plan.vehicles.enumerated().map { index, vehiclePlan in
            let vehicle = vehicles[index]
            return Document.VehicleRow(
                vehicle: vehicle.id.rawValue, tier: vehicle.tier, bay: stays.first { $0.vehicle == vehicle.id }?.bay?.rawValue,
                arrival: vehicle.arrival, departure: vehicle.departure, energyNeededKWh: vehicle.wantedEnergy.value,
                plannedKWh: vehiclePlan.deliveredEnergy.value, departureSoC: vehiclePlan.departureStateOfCharge.value,
                minTargetTime: vehiclePlan.minTargetTime, maxTargetTime: vehiclePlan.maxTargetTime, shortfallKWh: vehiclePlan.shortfall.total.value,
                intrinsicShortfallKWh: vehiclePlan.shortfall.intrinsic.value, gridLimitedShortfallKWh: vehiclePlan.shortfall.gridLimited.value,
                reasons: vehiclePlan.binding.map { $0.summary(in: depot.timeZone) }, powerKW: vehiclePlan.power.map(\.value))
        }
        let site = plan.site.enumerated().map { slot, value in
            Document.SiteRow(
                start: plan.grid.slotStart(slot), chargingKW: value.charging.value, fixedLoadKW: value.fixedLoad.value, limitKW: value.limit.value)
        }
        let document = Document(
            depot: depot.id.rawValue, start: plan.grid.start, slotMinutes: Int(plan.grid.slotLength.secondsValue / 60),
            peakKW: plan.objectives.peak.value, cost: plan.objectives.cost, unmetKWh: plan.objectives.totalUnmet.value, vehicles: rows, site: site)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self)
    }

    /// The site's planned load (filled) against its limit (line), one step per slot.
    func svg() -> String {
        let width = 900.0
        let height = 320.0
        let margin = 40.0
        let count = Double(max(plan.site.count, 1))
        let top = max(plan.site.map(\.limit.value).max() ?? 1, plan.objectives.peak.value, 1) * 1.1
        func x(_ slot: Int) -> Double { margin + Double(slot) / count * (width - 2 * margin) }
        func y(_ kilowatts: Double) -> Double { height - margin - kilowatts / top * (height - 2 * margin) }
        var load = "M \(x(0)) \(y(0))"
        var limit = ""
        for (slot, value) in plan.site.enumerated() {
            load += " L \(x(slot)) \(y(value.total.value)) L \(x(slot + 1)) \(y(value.total.value))"
            limit += (slot == 0 ? "M" : " L") + " \(x(slot)) \(y(value.limit.value)) L \(x(slot + 1)) \(y(value.limit.value))"
        }
        load += " L \(x(plan.site.count)) \(y(0)) Z"
        var labels = ""
        let slotsPerHour = max(1, Int(3600 / plan.grid.slotLength.secondsValue))
        for slot in stride(from: 0, through: plan.site.count, by: slotsPerHour * 2) {
            labels += "<text x=\"\(x(slot))\" y=\"\(height - 15)\" font-size=\"11\" text-anchor=\"middle\">\(clock(plan.grid.slotStart(slot)))</text>"
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif">
            <title>Depot \(depot.id): planned site load against the limit</title>
            <path d="\(load)" fill="#4a90d9" fill-opacity="0.6" stroke="#2a6fb0"/>
            <path d="\(limit)" fill="none" stroke="#d0021b" stroke-width="2"/>
            <text x="\(margin)" y="20" font-size="13">planned load (blue) and limit (red), peak \(number(plan.objectives.peak.value, 0)) kW</text>
            <text x="5" y="\(y(top / 1.1))" font-size="11">\(number(top / 1.1, 0)) kW</text>
            \(labels)
            </svg>
            """
    }
}
