import CLuaSupport
import DepotModel
import Foundation

extension LuaWriter {
    /// Pushes `ctx.sessions` in one C call: the sessions are flattened into one array of
    /// `clua_session` values and one byte buffer for their strings, and C builds the tables with
    /// field names created once per call (conventions.md, Lua binding: marshalling dominates).
    /// - Parameter tenants: the absolute index of `ctx.tenants`, whose views the sessions share.
    func pushSessions(_ sessions: [SessionView], tenants: Int32) {
        var text: [UInt8] = []
        text.reserveCapacity(sessions.count * 48)
        func add(_ string: String?) -> clua_text {
            guard var string else { return clua_text(offset: 0, length: -1) }
            let offset = Int32(text.count)
            string.withUTF8 { text.append(contentsOf: $0) }
            return clua_text(offset: offset, length: Int32(text.count) - offset)
        }
        var records: [clua_session] = []
        records.reserveCapacity(sessions.count)
        sessions.withUnsafeBufferPointer { buffer in  // borrowed in place: no copy of each session
            for session in buffer {
                var present: UInt32 = 0
                func seconds(_ instant: Date?, _ bit: Int32) -> Double {
                    guard let instant else { return 0 }
                    present |= UInt32(bit)
                    return instant.timeIntervalSince1970
                }
                func number(_ value: Double?, _ bit: Int32) -> Double {
                    guard let value else { return 0 }
                    present |= UInt32(bit)
                    return value
                }
                let connector = session.connector
                var record = clua_session(
                    id: add(session.id.rawValue), tenant: add(session.tenant.rawValue), vehicle_id: add(session.vehicle.id.rawValue),
                    vin: add(session.vehicle.vin), charger: add(connector.charger.rawValue), bay: add(connector.bay?.rawValue),
                    area: add(connector.area?.rawValue), battery_kwh: session.vehicle.batteryKwh.value, vehicle_max_kw: session.vehicle.maxKw.value,
                    connector_max_kw: connector.maxKw.value, connector_id: Int64(connector.id), soc: session.soc.value,
                    target_soc: session.targetSoc.value, min_target_soc: number(session.minTargetSoc?.value, CLUA_SESSION_MIN_TARGET_SOC),
                    energy_needed_kwh: session.energyNeededKwh.value,
                    minutes_to_target: number(session.minutesToTarget, CLUA_SESSION_MINUTES_TO_TARGET),
                    arrival: seconds(session.arrival, CLUA_SESSION_ARRIVAL), departure: seconds(session.departure, CLUA_SESSION_DEPARTURE),
                    plugged_since: seconds(session.pluggedSince, CLUA_SESSION_PLUGGED_SINCE), present: 0)
                if session.reserved { present |= UInt32(CLUA_SESSION_RESERVED) }
                if session.planned { present |= UInt32(CLUA_SESSION_PLANNED) }
                if session.late { present |= UInt32(CLUA_SESSION_LATE) }
                record.present = present
                records.append(record)
            }
        }
        text.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { bytes in
                records.withUnsafeBufferPointer { clua_push_sessions(state, $0.baseAddress, Int32($0.count), bytes.baseAddress, tenants) }
            }
        }
    }
}
