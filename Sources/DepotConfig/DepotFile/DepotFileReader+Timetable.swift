import DepotModel

extension DepotFileReader {
    static let timetableKeys: Set<String> = [
        "vehicle", "arrival", "departure", "days", "arrival_soc", "target_soc", "min_target_soc", "max_target_soc", "precondition", "bay",
        "upstream_priority", "ad_hoc_charging",
    ]

    func readTimetable(_ node: ConfigNode) -> [DailyTimetableEntry] {
        guard let items = node.sequence() else { return [] }
        return items.compactMap(readTimetableEntry)
    }

    private func readTimetableEntry(_ node: ConfigNode) -> DailyTimetableEntry? {
        guard let map = node.mapping(keys: Self.timetableKeys) else { return nil }
        let vehicle = map.required("vehicle").flatMap { reference($0, in: vehicles.map(\.id), what: "vehicle") }
        let arrival = map.required("arrival")?.timeOfDay()
        let departure = map.required("departure")?.timeOfDay()
        if let arrival, arrival == departure { map.optional("departure")?.report("departure equals arrival") }
        var days = Set(Weekday.allCases)
        if let daysNode = map.optional("days"), let items = daysNode.sequence() {
            days = Set(items.compactMap { $0.oneOf(Weekday.self) })
            if items.isEmpty { daysNode.report("give at least one day, or leave days out for every day") }
        }
        let arrivalSoC = map.optional("arrival_soc")?.percent()
        let target = map.required("target_soc")?.percent()
        let minimum = map.optional("min_target_soc")?.percent()
        let maximum = map.optional("max_target_soc")?.percent()
        if let target, let minimum, minimum > target {
            map.optional("min_target_soc")?.report("min_target_soc (\(minimum)) exceeds target_soc (\(target))")
        }
        if let target, let maximum, maximum < target {
            map.optional("max_target_soc")?.report("max_target_soc (\(maximum)) is below target_soc (\(target))")
        }
        var preconditioningStart: TimeOfDay?
        var mode: PreconditioningMode?
        if let preMap = map.optional("precondition")?.mapping(keys: ["start", "mode"]) {
            preconditioningStart = preMap.required("start")?.timeOfDay()
            mode = preMap.optional("mode")?.oneOf(PreconditioningMode.self)
            if let start = preconditioningStart, let arrival, let departure,
                !DailyWindow(from: arrival, to: departure).contains(minuteOfDay: start.minutesSinceMidnight)
            {
                preMap.optional("start")?.report("pre-conditioning start \(start) is outside the stay \(arrival)–\(departure)")
            }
        }
        var bay: BayID?
        if let bayNode = map.optional("bay"), let value: BayID = bayNode.identifier() {
            if let area = bays[value] {
                let owner = vehicle.flatMap { id in vehicles.first { $0.id == id } }.flatMap { v in tenants.first { $0.id == v.tenant } }
                if let owner, !owner.mayCharge(in: area) {
                    bayNode.report("bay \(value) is in area \(area?.rawValue ?? "none"), where tenant \(owner.id) may not charge")
                } else {
                    bay = value
                }
            } else {
                bayNode.report("unknown bay \(value); bays are declared on connectors")
            }
        }
        let upstreamPriority = map.optional("upstream_priority")?.integer()
        let adHoc = map.optional("ad_hoc_charging")?.bool() ?? false
        guard let vehicle, let arrival, let departure, let target, arrival != departure else { return nil }
        return DailyTimetableEntry(
            vehicle: vehicle, arrival: arrival, departure: departure, weekdays: days, arrivalSoC: arrivalSoC, targetSoC: target,
            minTargetSoC: minimum, maxTargetSoC: maximum, preconditioningStart: preconditioningStart, preconditioningMode: mode, bay: bay,
            upstreamPriority: upstreamPriority, adHocCharging: adHoc
        )
    }

    func readReservations(_ node: ConfigNode) -> ReservationSettings? {
        guard let map = node.mapping(keys: ["buffer_minutes", "no_show_grace_minutes"]) else { return nil }
        let buffer = map.optional("buffer_minutes")?.integer(in: 0...240) ?? 15
        let grace = map.optional("no_show_grace_minutes")?.integer(in: 0...720) ?? 30
        return ReservationSettings(buffer: .minutes(buffer), noShowGrace: .minutes(grace))
    }
}
