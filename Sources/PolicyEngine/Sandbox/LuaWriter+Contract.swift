import DepotModel
import Foundation

extension LuaWriter {
    /// Pushes `ctx`: `now`, `depot` (with `utc_offsets` for `time.at`), `tenants` by id and, for
    /// `priority`, `sessions`. Leaves the `tenants` table above `ctx` and returns its absolute
    /// index, so an event can reference tenant views; the caller removes it before the call.
    func pushContext(now: Date, depot: DepotView, tenants: [TenantView], sessions: [SessionView]?) -> Int32 {
        newTable(fields: sessions == nil ? 3 : 4)
        let context = top
        set("now", now)
        pushDepot(depot, now: now)
        setField("depot")
        newTable(fields: tenants.count)
        for tenant in tenants {
            pushTenant(tenant)
            setField(named: tenant.id.rawValue)
        }
        let tenantsIndex = top
        pushCopy(of: tenantsIndex)
        setField("tenants", in: context)
        if let sessions {
            pushSessions(sessions, tenants: tenantsIndex)
            setField("sessions", in: context)
        }
        return tenantsIndex
    }

    private func pushDepot(_ depot: DepotView, now: Date) {
        newTable(fields: 5)
        set("id", depot.id.rawValue)
        set("timezone", depot.timezone)
        set("ambient_c", depot.ambientC)
        newTable(fields: 2)
        set("limit_kw", depot.grid.limitKw.value)
        if let block = depot.grid.block {
            newTable(fields: 3)
            set("name", block.name)
            set("limit_kw", block.limitKw.value)
            set("price_per_kwh", block.pricePerKwh)
            setField("block")
        }
        setField("grid")
        let offsets = Self.utcOffsets(timezone: depot.timezone, around: now)
        newTable(sequence: offsets.count)
        for (offset, value) in offsets.enumerated() {
            push(value)
            setIndex(offset + 1)
        }
        setField("utc_offsets")
    }

    /// The UTC offsets in force from a day before `now` to three days after, as a flat list
    /// `{from, offset, from, offset, …}`, so `time.at` resolves local times across DST changes.
    static func utcOffsets(timezone: String, around now: Date) -> [Int] {
        let zone = TimeZone(identifier: timezone) ?? TimeZone(secondsFromGMT: 0)!
        var from = now.addingTimeInterval(-86_400)
        let end = now.addingTimeInterval(3 * 86_400)
        var result = [Int(from.timeIntervalSince1970), zone.secondsFromGMT(for: from)]
        while let change = zone.nextDaylightSavingTimeTransition(after: from), change < end {
            result += [Int(change.timeIntervalSince1970), zone.secondsFromGMT(for: change)]
            from = change
        }
        return result
    }

    private func pushTenant(_ tenant: TenantView) {
        newTable(fields: 4)
        set("id", tenant.id.rawValue)
        set("class", tenant.class.rawValue)
        set("priority", tenant.priority)
        pushSettings(tenant.settings)
        setField("settings")
    }

    /// Pushes the tenant's view from the `tenants` table, or `{id = …}` for an unknown tenant.
    func pushTenant(_ id: TenantID, tenants: Int32) {
        pushField(of: tenants, named: id.rawValue)
        if isNilOnTop {
            pop()
            newTable(fields: 1)
            set("id", id.rawValue)
        }
    }

    func pushVehicle(_ vehicle: VehicleView) {
        newTable(fields: 4)
        set("id", vehicle.id.rawValue)
        set("vin", vehicle.vin)
        set("battery_kwh", vehicle.batteryKwh.value)
        set("max_kw", vehicle.maxKw.value)
    }

    /// Pushes a settings tree as plain tables, lists as sequences.
    func pushSettings(_ settings: [String: SettingValue]) {
        newTable(fields: settings.count)
        for (key, value) in settings {
            push(value)
            setField(named: key)
        }
    }

    func push(_ value: SettingValue) {
        switch value {
        case .bool(let flag): push(flag)
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { push(Int(number)) } else { push(number) }
        case .string(let text): push(text)
        case .table(let table): pushSettings(table)
        case .list(let list):
            newTable(sequence: list.count)
            for (offset, item) in list.enumerated() {
                push(item)
                setIndex(offset + 1)
            }
        }
    }
}
