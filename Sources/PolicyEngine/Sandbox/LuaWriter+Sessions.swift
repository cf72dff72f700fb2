import CLuaSupport
import DepotModel
import Foundation

extension LuaWriter {
    /// Pushes `ctx.sessions` in one C call: the sessions are flattened into one array of
    /// `clua_session` values and one byte buffer for their strings, and C updates the persistent
    /// session views from them (docs/conventions.md, Lua binding: marshalling dominates).
    /// - Parameter tenants: the absolute index of `ctx.tenants`, whose views the sessions share.
    func pushSessions(_ sessions: [SessionView], tenants: Int32) {
        var flat = FlatSessions(capacity: sessions.count)
        sessions.withUnsafeBufferPointer { buffer in  // borrowed in place: no copy of each session
            for session in buffer { flat.append(session) }
        }
        flat.text.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { bytes in
                flat.records.withUnsafeBufferPointer { clua_push_sessions(state, $0.baseAddress, Int32($0.count), bytes.baseAddress, tenants) }
            }
        }
    }
}

/// Sessions as C reads them. Built with mutating methods rather than closures over local
/// variables, which would add a dynamic exclusivity check to every string and flag.
private struct FlatSessions {
    var records: [clua_session] = []
    var text: [UInt8] = []

    init(capacity: Int) {
        records.reserveCapacity(capacity)
        text.reserveCapacity(capacity * 48)
    }

    mutating func append(_ session: SessionView) {
        let connector = session.connector
        var present: UInt32 = 0
        if session.minTargetSoc != nil { present |= UInt32(CLUA_SESSION_MIN_TARGET_SOC) }
        if session.minutesToTarget != nil { present |= UInt32(CLUA_SESSION_MINUTES_TO_TARGET) }
        if session.arrival != nil { present |= UInt32(CLUA_SESSION_ARRIVAL) }
        if session.departure != nil { present |= UInt32(CLUA_SESSION_DEPARTURE) }
        if session.pluggedSince != nil { present |= UInt32(CLUA_SESSION_PLUGGED_SINCE) }
        if session.reserved { present |= UInt32(CLUA_SESSION_RESERVED) }
        if session.planned { present |= UInt32(CLUA_SESSION_PLANNED) }
        if session.late { present |= UInt32(CLUA_SESSION_LATE) }
        let id = add(session.id.rawValue)
        let tenant = add(session.tenant.rawValue)
        let vehicle = add(session.vehicle.id.rawValue)
        let vin = add(session.vehicle.vin)
        let charger = add(connector.charger.rawValue)
        let bay = add(connector.bay?.rawValue)
        let area = add(connector.area?.rawValue)
        records.append(
            clua_session(
                id: id, tenant: tenant, vehicle_id: vehicle, vin: vin, charger: charger, bay: bay, area: area,
                battery_kwh: session.vehicle.batteryKwh.value, vehicle_max_kw: session.vehicle.maxKw.value,
                connector_max_kw: connector.maxKw.value, connector_id: Int64(connector.id), soc: session.soc.value,
                target_soc: session.targetSoc.value, min_target_soc: session.minTargetSoc?.value ?? 0,
                energy_needed_kwh: session.energyNeededKwh.value, minutes_to_target: session.minutesToTarget ?? 0,
                arrival: session.arrival?.timeIntervalSince1970 ?? 0, departure: session.departure?.timeIntervalSince1970 ?? 0,
                plugged_since: session.pluggedSince?.timeIntervalSince1970 ?? 0, present: present))
    }

    /// Appends a string's UTF-8 bytes; nil is a negative length (absent).
    private mutating func add(_ string: String?) -> clua_text {
        guard var string else { return clua_text(offset: 0, length: -1) }
        let offset = Int32(text.count)
        string.withUTF8 { text.append(contentsOf: $0) }
        return clua_text(offset: offset, length: Int32(text.count) - offset)
    }
}
