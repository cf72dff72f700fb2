import CLuaSupport
import DepotModel
import Foundation

/// Decodes and clamps what each domain's function returned (docs/policy-api.md "What each domain
/// returns"). Powers are clamped to the physical bounds before they reach the solver or OCPP.
enum PolicyResults {
    private static let priorityFields = ["priority", "min_kw", "max_kw", "reason"]

    static func priority(_ value: LuaValue, sessions: [SessionView], reader: OutputReader) throws -> [PriorityDecision] {
        let items = try reader.sequence(value, at: "result")
        guard items.count == sessions.count else {
            throw reader.failure("result", "expected \(sessions.count) entries (one per session), got \(items.count)")
        }
        return try items.indices.map { offset in
            let item = items[offset]
            func path() -> String { "result[\(offset + 1)]" }
            if case .table = item {
                let fields = try reader.fields(item, at: path(), allowed: priorityFields)
                let tier = try reader.required(try reader.integer(fields["priority"], at: "\(path()).priority"), at: "\(path()).priority", "integer")
                return decision(
                    tier: tier, minimum: try reader.number(fields["min_kw"], at: "\(path()).min_kw"),
                    maximum: try reader.number(fields["max_kw"], at: "\(path()).max_kw"),
                    reason: try reader.string(fields["reason"], at: "\(path()).reason"), bound: bound(of: sessions, at: offset))
            }
            guard let tier = try reader.integer(item, at: path()) else { throw reader.mismatch(path(), expected: "integer or table", got: item) }
            return PriorityDecision(tier: tier)
        }
    }

    /// The fast path: a well-formed result read straight from the Lua stack (top), or nil to let
    /// the checked decoder above find and name the problem.
    static func priority(_ state: OpaquePointer, sessions: [SessionView]) -> [PriorityDecision]? {
        var entries = [clua_priority_entry](repeating: clua_priority_entry(), count: sessions.count)
        let wellFormed = entries.withUnsafeMutableBufferPointer { clua_read_priority(state, -1, Int32($0.count), $0.baseAddress) }
        guard wellFormed != 0 else { return nil }
        var reasons: [UnsafePointer<CChar>: String] = [:]  // Lua interns short strings: one String each
        return entries.indices.map { index in
            let entry = entries[index]
            let reason = entry.reason.map { pointer in
                if let known = reasons[pointer] { return known }
                let text = OutputReader.capped(
                    String(decoding: UnsafeRawBufferPointer(start: pointer, count: entry.reason_length), as: UTF8.self))
                reasons[pointer] = text
                return text
            }
            return decision(
                tier: Int(entry.tier), minimum: entry.min_kw.isNaN ? nil : entry.min_kw, maximum: entry.max_kw.isNaN ? nil : entry.max_kw,
                reason: reason, bound: bound(of: sessions, at: index))
        }
    }

    /// What the connector and the vehicle of a session can take, in kW (read in place: copying a
    /// whole session per entry was a tenth of an evaluation).
    private static func bound(of sessions: [SessionView], at index: Int) -> Double {
        sessions.withUnsafeBufferPointer { min($0[index].connector.maxKw.value, $0[index].vehicle.maxKw.value) }
    }

    /// A priority entry with its limits clamped to `bound`.
    private static func decision(tier: Int, minimum: Double?, maximum: Double?, reason: String?, bound: Double) -> PriorityDecision {
        var low = minimum.map { min(max($0, 0), bound) }
        let high = maximum.map { min(max($0, 0), bound) }
        if let lowest = low, let highest = high, lowest > highest { low = highest }
        return PriorityDecision(tier: tier, minKw: low.map(Kilowatts.init), maxKw: high.map(Kilowatts.init), reason: reason)
    }

    static func enforcement(_ value: LuaValue, reader: OutputReader) throws -> EnforcementAction {
        let fields = try reader.fields(value, at: "result", allowed: ["action", "reason", "notify"])
        let action: EnforcementAction.Action = try reader.required(
            try reader.choice(fields["action"], at: "result.action"), at: "result.action", "an action")
        return EnforcementAction(
            action: action, reason: try reader.string(fields["reason"], at: "result.reason"),
            notify: try reader.boolean(fields["notify"], at: "result.notify") ?? false)
    }

    static func preconditioning(_ value: LuaValue, vehicle: PreconditioningVehicleView, reader: OutputReader) throws -> PreconditioningPlan? {
        if case .nil = value { return nil }
        let fields = try reader.fields(
            value, at: "result", allowed: ["start", "finish", "mode", "battery", "hvac_kw", "battery_kw", "reason"])
        let start = try reader.required(try reader.number(fields["start"], at: "result.start"), at: "result.start", "a time")
        let finish = try reader.required(try reader.number(fields["finish"], at: "result.finish"), at: "result.finish", "a time")
        guard finish >= start else { throw reader.failure("result.finish", "before result.start") }
        let mode: PreconditioningMode = try reader.required(try reader.choice(fields["mode"], at: "result.mode"), at: "result.mode", "a mode")
        let bound = vehicle.vehicle.maxKw.value
        return PreconditioningPlan(
            start: Date(timeIntervalSince1970: start), finish: Date(timeIntervalSince1970: finish), mode: mode,
            battery: try reader.boolean(fields["battery"], at: "result.battery") ?? false,
            hvacKw: try reader.number(fields["hvac_kw"], at: "result.hvac_kw").map { Kilowatts(min(max($0, 0), bound)) },
            batteryKw: try reader.number(fields["battery_kw"], at: "result.battery_kw").map { Kilowatts(min(max($0, 0), bound)) },
            reason: try reader.string(fields["reason"], at: "result.reason"))
    }

    static func escalation(_ value: LuaValue, reader: OutputReader) throws -> [EscalationMessage] {
        if case .nil = value { return [] }
        return try reader.sequence(value, at: "result").enumerated().map { offset, item in
            let path = "result[\(offset + 1)]"
            let fields = try reader.fields(
                item, at: path, allowed: ["channel", "to", "after_s", "severity", "text", "until_resolved", "repeat_s"])
            let channel: EscalationMessage.Channel = try reader.required(
                try reader.choice(fields["channel"], at: "\(path).channel"), at: "\(path).channel", "a channel")
            let recipients = try reader.required(try reader.string(fields["to"], at: "\(path).to"), at: "\(path).to", "a recipient group")
            let text = try reader.required(try reader.string(fields["text"], at: "\(path).text"), at: "\(path).text", "a string")
            let after = try reader.integer(fields["after_s"], at: "\(path).after_s") ?? 0
            guard after >= 0 else { throw reader.failure("\(path).after_s", "must not be negative") }
            return EscalationMessage(
                channel: channel, to: recipients, afterS: after,
                severity: try reader.choice(fields["severity"], at: "\(path).severity") ?? .info, text: text,
                untilResolved: try reader.boolean(fields["until_resolved"], at: "\(path).until_resolved") ?? false,
                repeatS: try reader.integer(fields["repeat_s"], at: "\(path).repeat_s").map { max($0, 60) })
        }
    }
}
