import DepotModel

extension DepotFileReader {
    static let gridKeys: Set<String> = ["connection_kw", "safety_margin_kw", "peak_tolerance_percent", "meter", "blocks"]

    func readGrid(_ node: ConfigNode) -> GridConnection? {
        guard let map = node.mapping(keys: Self.gridKeys) else { return nil }
        let connection = map.required("connection_kw")?.kilowatts()
        var margin = Kilowatts.zero
        if let marginNode = map.optional("safety_margin_kw"), let value = marginNode.kilowatts(allowZero: true) {
            if let connection, value >= connection { marginNode.report("must be below connection_kw (\(connection))") }
            margin = value
        }
        let peakTolerance = map.optional("peak_tolerance_percent")?.percent().map { $0.value / 100 }
        var meter: SiteMeter?
        if let meterMap = map.optional("meter")?.mapping(keys: ["charger", "measurand"]) {
            let charger: ChargerID? = meterMap.required("charger")?.identifier()
            let measurand = meterMap.optional("measurand")?.string() ?? "Power.Active.Import"
            meter = charger.map { SiteMeter(charger: $0, measurand: measurand) }
        }
        let blocks = map.optional("blocks").flatMap { readBlocks($0, connection: connection) } ?? []
        guard let connection else { return nil }
        return GridConnection(connectionLimit: connection, safetyMargin: margin, meter: meter, blocks: blocks, peakTolerance: peakTolerance)
    }

    /// Blocks must tile the day: no overlap, no gap (an operator who writes blocks means all of the day).
    private func readBlocks(_ node: ConfigNode, connection: Kilowatts?) -> [TimeBlock]? {
        guard let items = node.sequence() else { return nil }
        var blocks: [TimeBlock] = []
        for item in items {
            guard let map = item.mapping(keys: ["name", "from", "to", "limit_kw", "price_per_kwh"]) else { continue }
            let name = map.required("name")?.string()
            let from = map.required("from")?.timeOfDay()
            let to = map.required("to")?.timeOfDay()
            var limit: Kilowatts?
            if let limitNode = map.required("limit_kw") {
                limit = limitNode.kilowatts(allowZero: true)
                if let limit, let connection, limit > connection {
                    limitNode.report("\(limit) exceeds grid.connection_kw (\(connection))")
                }
            }
            var price: Double?
            if let priceNode = map.required("price_per_kwh") {
                price = priceNode.number()
                if let value = price, value < 0 { priceNode.report("must be ≥ 0") }
            }
            if let name, blocks.contains(where: { $0.name == name }) { map.optional("name")?.report("duplicate block name \(name)") }
            if let from, let to, from == to { map.optional("to")?.report("a block must not start and end at the same time") }
            guard let name, let from, let to, let limit, let price, from != to else { continue }
            blocks.append(TimeBlock(name: name, window: DailyWindow(from: from, to: to), limit: limit, pricePerKilowattHour: price))
        }
        guard blocks.count == items.count, !blocks.isEmpty else { return blocks.isEmpty ? nil : blocks }
        var owner = [String?](repeating: nil, count: 24 * 60)
        for block in blocks {
            for offset in 0..<block.window.wallClockMinutes {
                let minute = (block.window.from.minutesSinceMidnight + offset) % (24 * 60)
                if let other = owner[minute] {
                    node.report("blocks \(other) and \(block.name) overlap at \(Self.clock(minute))")
                    return nil
                }
                owner[minute] = block.name
            }
        }
        if let gap = owner.firstIndex(where: { $0 == nil }) {
            let end = owner[gap...].firstIndex(where: { $0 != nil }) ?? 24 * 60
            node.report("blocks leave \(Self.clock(gap))–\(Self.clock(end % (24 * 60))) uncovered; blocks must cover the whole day")
            return nil
        }
        return blocks
    }

    private static func clock(_ minute: Int) -> String {
        TimeOfDay(hour: minute / 60, minute: minute % 60)?.description ?? "24:00"
    }
}
