import ArgumentParser
import DepotConfig
import DepotModel
import DepotRuntime
import Foundation
import PowerSolver

extension Busbar {
    /// Dry-runs the night planner: what the depot would do with this timetable from this moment.
    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Dry-run the night planner for a depot file, a timetable and a start time.",
            discussion: """
                Plans every stay that arrives within 24 hours of --start (local time of the depot) and departs after it: \
                the depot file's timetable, or --timetable FILE (YAML with a `timetable:` list, or CSV whose header names \
                the same keys). Prints one row per vehicle (arrival, departure, energy, predicted SoC, shortfall and its \
                reason) and the site profile against the limit. Tiers follow the built-in default (fleet before public); \
                the operator's priority policy is not consulted by this dry run yet. Exit codes: 0 a plan was made \
                (shortfalls are an answer, not an error), 1 invalid input.
                """
        )

        @Option(help: "The depot file.")
        var depot: String = "config/depots/demo.yaml"

        @Option(help: "A timetable file (YAML or CSV) instead of the depot file's timetable.")
        var timetable: String?

        @Option(help: "Start of the plan, local time of the depot: YYYY-MM-DDTHH:MM.")
        var start: String?

        @Option(help: "Solve a generated solver instance (bench/solver) instead, printing the plan as JSON.")
        var instance: String?

        @Option(help: "Slot length in minutes (5 or 15).")
        var slot: Int = 15

        @Option(help: "SoC (%) assumed on arrival where the timetable does not say.")
        var arrivalSoc: Double = 30

        @Option(help: "Also write the site profile as an SVG chart to this file.")
        var svg: String?

        @Flag(help: "Print the plan as JSON instead of tables.")
        var json = false

        func validate() throws {
            guard (start == nil) != (instance == nil) else { throw ValidationError("give either --start or --instance") }
            guard slot == 5 || slot == 15 else { throw ValidationError("--slot must be 5 or 15") }
            guard (0...100).contains(arrivalSoc) else { throw ValidationError("--arrival-soc must be between 0 and 100") }
        }

        func run() async throws {
            if let instance {
                print(try SolverInstance.planJSON(path: instance))
                return
            }
            let start = self.start ?? ""
            let depot: Depot
            let lines: [DailyTimetableEntry]
            do {
                depot = try DepotFileLoader.load(path: self.depot)
                if let timetable {
                    lines = try TimetableFileLoader.load(path: timetable, for: depot, depotFile: self.depot)
                } else {
                    lines = depot.timetable
                }
            } catch {
                for issue in error.issues { printError(issue.description) }
                throw ExitCode(1)
            }
            guard let startInstant = Self.localInstant(start, in: depot.timeZone) else {
                throw ValidationError("--start must be a local date and time YYYY-MM-DDTHH:MM")
            }
            let stays = Self.stays(lines, depot: depot, from: startInstant)
            guard let end = stays.map(\.departure).max() else {
                printError("no stay arrives within 24 hours of \(start) and departs after it")
                throw ExitCode(1)
            }
            // As the runtime plans: its preferences (readiness first, the depot's peak tolerance) and
            // its taper (the vehicle's curve, else the assumed default).
            let settings = RuntimeSettings()
            let vehicles = stays.compactMap { stay -> PlanningVehicle? in
                let tenant = depot.tenant(stay.tenant)
                return PlanningVehicle(
                    stay: stay, depot: depot, arrivalSoC: Percent(arrivalSoc), tier: tenant?.tenantClass == .public ? 0 : 1,
                    powerCurve: depot.vehicle(stay.vehicle).map(settings.plannedTaper(of:)))
            }
            let grid = SlotGrid(covering: startInstant, to: end, slotLength: .minutes(slot))
            let problem = PlanningProblem(depot: depot, grid: grid, vehicles: vehicles).with(
                preferences: settings.planningPreferences(for: depot.grid))
            let plan = try Planner().plan(problem)
            let rendering = PlanRendering(depot: depot, stays: stays, vehicles: vehicles, plan: plan)
            print(json ? rendering.json() : rendering.text())
            if let svg { try rendering.svg().write(toFile: svg, atomically: true, encoding: .utf8) }
        }

        /// Each timetable line's stay in the 24 hours from `start`, still ongoing at `start`.
        static func stays(_ lines: [DailyTimetableEntry], depot: Depot, from start: Date) -> [TimetableEntry] {
            let firstDay = LocalDate(containing: start, in: depot.timeZone).adding(days: -1)
            return lines.flatMap { line in
                (0...2).compactMap { offset -> TimetableEntry? in
                    guard let tenant = depot.vehicle(line.vehicle)?.tenant else { return nil }
                    return line.occurrence(arrivingOn: firstDay.adding(days: offset), tenant: tenant, in: depot.timeZone)
                }
                .filter { $0.departure > start && $0.arrival < start.addingTimeInterval(86_400) }
                .prefix(1)
            }
        }

        static func localInstant(_ text: String, in timeZone: TimeZone) -> Date? {
            let parts = text.split(separator: "T")
            guard parts.count == 2, let time = TimeOfDay(String(parts[1])) else { return nil }
            let date = parts[0].split(separator: "-").compactMap { Int($0) }
            guard date.count == 3 else { return nil }
            return LocalDate(year: date[0], month: date[1], day: date[2]).instant(at: time, in: timeZone)
        }
    }
}
