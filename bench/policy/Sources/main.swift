// Policy engine benchmark (bench/README.md, "Policy engine"): run with
// BUSBAR_BENCH=1 swift run -c release PolicyBench [path/to/policies/defaults]
import CLua
import CLuaSupport
import DepotModel
import Foundation
import PolicyEngine

let defaultsFolder = CommandLine.arguments.dropFirst().first ?? "policies/defaults"
let defaults = try PolicyRevision(folder: "policies/defaults", directory: URL(fileURLWithPath: defaultsFolder))
let clock = ContinuousClock()
let now = Date(timeIntervalSince1970: 1_800_000_000)
let depot = DepotView(id: "bench", timezone: "Europe/Berlin", grid: GridView(limitKw: 2_000, block: BlockView(name: "night", limitKw: 1_600)))
let tenants = [TenantView(id: "fleet", class: .fleet, priority: 2), TenantView(id: "public", class: .public)]

/// Session `index` at allocation tick `tick`: its SoC, energy still needed and minutes to target
/// move from tick to tick, as they do while charging.
func session(_ index: Int, tick: Int) -> SessionView {
    let vehicle = VehicleView(id: VehicleID("v\(index)"), vin: "VIN\(index)", batteryKwh: 400, maxKw: 150)
    let connector = ConnectorView(charger: ChargerID("C\(index / 2)"), id: index % 2 + 1, maxKw: 150)
    let tenant: TenantID = index % 4 == 0 ? "public" : "fleet"
    let departure = now.addingTimeInterval(Double(index % 10 + 1) * 1800)
    return SessionView(
        id: ChargingSessionID("s\(index)"), vehicle: vehicle, tenant: tenant, connector: connector, soc: Percent(30 + Double(tick) * 0.1),
        targetSoc: 90, energyNeededKwh: KilowattHours(240 - Double(tick) * 0.4), arrival: now.addingTimeInterval(-3600), departure: departure,
        minutesToTarget: 96 - Double(tick) * 0.16,
        pluggedSince: now.addingTimeInterval(-3000))
}

func context(sessions count: Int, tick: Int) -> PriorityContext {
    PriorityContext(now: now, depot: depot, tenants: tenants, sessions: (0..<count).map { session($0, tick: tick) })
}

print("Policy engine benchmark — \(LuaRuntime.release), \(ProcessInfo.processInfo.activeProcessorCount) cores")

// 1. A priority evaluation as the depot runtime sees it: push the context, run the default
//    policy, read back, validate and clamp; timed around the actor call and inside the engine.
//    Two ticks alternate, so every session's SoC, energy and minutes to target differ from the
//    previous call's (unchanged values cost less). 2. Building its decision record (input and
//    output JSON), which `PolicyOutcome.record` does on demand, off the engine actor.
let engine = PolicyEngine(depot: "bench", defaults: defaults)
var evaluationMedians: [Int: Double] = [:]
for count in [50, 500, 2_000] {
    let ticks = [context(sessions: count, tick: 0), context(sessions: count, tick: 1)]
    var evaluation = Sample(name: "priority, \(count) sessions: evaluation")
    var inside = Sample(name: "priority, \(count) sessions: inside the actor")
    var recording = Sample(name: "priority, \(count) sessions: decision record")
    var builtIn = 0
    for iteration in 0..<(count >= 2_000 ? 330 : 1_030) {
        let started = clock.now
        let outcome = await engine.priority(ticks[iteration % 2])
        let evaluated = clock.now
        if iteration >= 30 {
            evaluation.add(evaluated - started)
            inside.add(.microseconds(outcome.durationMicroseconds))
        }
        precondition(outcome.value.count == count)
        if iteration >= 30 && iteration < 130 {
            if outcome.record.decidedBy != .defaultPolicy { builtIn += 1 }
            recording.add(clock.now - evaluated)
        }
    }
    print(evaluation.line)
    print(inside.line)
    print(recording.line)
    evaluationMedians[count] = evaluation.median
    if builtIn > 0 { print("  (\(builtIn) of 100 recorded evaluations hit the 50 ms deadline: the Swift rule decided)") }
}

// 3. A reload: compile and shape-check the four default files in a new state, swap.
var reloads = Sample(name: "reload (4 default files)")
for _ in 0..<200 {
    let started = clock.now
    try await engine.reload(defaults, at: now)
    reloads.add(clock.now - started)
}
print(reloads.line)

// 4. The sandbox controls per call: the same module and function in a plain state
//    (lua_pcall, no hook, no cap, shared globals) and in the sandbox (fresh _ENV, chunk
//    re-instantiated, count hook every 1 000 instructions, capped allocator, traceback handler).
func controls(body: String, label: String) -> (Double, Double) {
    let module = "local M = {} function M.run() \(body) end return M"
    var plainSample = Sample(name: "plain Lua, \(label)")
    let plain = luaL_newstate()!
    luaL_openlibs(plain)
    _ = luaL_loadstring(plain, module)
    let chunk = luaL_ref(plain, clua_registryindex())
    for iteration in 0..<2_030 {
        let started = clock.now
        lua_rawgeti(plain, clua_registryindex(), lua_Integer(chunk))
        _ = clua_pcall(plain, 0, 1, 0)
        _ = lua_getfield(plain, -1, "run")
        _ = clua_pcall(plain, 0, 1, 0)
        lua_settop(plain, 0)
        if iteration >= 30 { plainSample.add(clock.now - started) }
    }
    lua_close(plain)

    var sandboxSample = Sample(name: "sandbox, \(label)")
    let accounting = UnsafeMutablePointer<clua_accounting>.allocate(capacity: 1)
    accounting.initialize(to: clua_accounting())
    accounting.pointee.limit = 32 << 20
    accounting.pointee.budget = 1_000_000
    accounting.pointee.wall_budget_ns = 50_000_000
    let sandbox = clua_sandbox_open(accounting)!
    _ = clua_sandbox_load(sandbox, "bench.lua", "@policies/bench/bench.lua", module, module.utf8.count)
    for iteration in 0..<2_030 {
        let started = clock.now
        clua_sandbox_prepare(sandbox, "bench.lua", "run")
        precondition(clua_sandbox_call(sandbox, 0) == LUA_OK)
        lua_settop(sandbox, 0)
        if iteration >= 30 { sandboxSample.add(clock.now - started) }
    }
    lua_close(sandbox)
    accounting.deallocate()
    print(plainSample.line)
    print(sandboxSample.line)
    return (plainSample.median, sandboxSample.median)
}

for (body, label) in [("return 1", "empty call"), ("local n = 0 for i = 1, 100000 do n = n + i end return n", "100k-iteration loop")] {
    let (plain, sandboxed) = controls(body: body, label: label)
    print(
        "  sandbox/plain median ratio, \(label): \(String((sandboxed / plain * 100).rounded() / 100)), extra \(String(((sandboxed - plain) * 10).rounded() / 10)) µs"
    )
}

// 5. The plain-Lua floor of a priority evaluation: the same default `priority.lua` in a plain
//    `luaL_newstate` with all libraries, called on 500 session tables built once in Lua (no
//    marshalling, no sandbox, no result decoding). The evaluation above is compared with it.
func plainPriority(sessions count: Int) -> Double {
    let plain = luaL_newstate()!
    luaL_openlibs(plain)
    let setup = """
        local now = \(Int(now.timeIntervalSince1970))
        local tenants = { fleet = { id = "fleet", class = "fleet", priority = 2, settings = {} },
                          public = { id = "public", class = "public", priority = 0, settings = {} } }
        local sessions = {}
        for i = 0, \(count - 1) do
          sessions[i + 1] = {
            id = "s" .. i, vehicle = { id = "v" .. i, vin = "VIN" .. i, battery_kwh = 400.0, max_kw = 150.0 },
            tenant = (i % 4 == 0) and tenants.public or tenants.fleet,
            connector = { charger = "C" .. (i // 2), id = i % 2 + 1, max_kw = 150.0 },
            soc = 30.0, target_soc = 90.0, energy_needed_kwh = 240.0, arrival = now - 3600,
            departure = now + (i % 10 + 1) * 1800, minutes_to_target = 96.0, plugged_since = now - 3000,
            reserved = false, planned = false, late = false }
        end
        return { now = now, depot = { id = "bench", timezone = "Europe/Berlin" }, tenants = tenants, sessions = sessions }
        """
    precondition(luaL_loadstring(plain, setup) == LUA_OK && clua_pcall(plain, 0, 1, 0) == LUA_OK)
    let context = luaL_ref(plain, clua_registryindex())
    let text = try! String(contentsOfFile: defaultsFolder + "/priority.lua", encoding: .utf8)
    precondition(luaL_loadstring(plain, text) == LUA_OK && clua_pcall(plain, 0, 1, 0) == LUA_OK)
    _ = lua_getfield(plain, -1, "priority")
    let function = luaL_ref(plain, clua_registryindex())
    lua_settop(plain, 0)
    var sample = Sample(name: "plain Lua, priority, \(count) sessions")
    for iteration in 0..<1_030 {
        let started = clock.now
        lua_rawgeti(plain, clua_registryindex(), lua_Integer(function))
        lua_rawgeti(plain, clua_registryindex(), lua_Integer(context))
        precondition(clua_pcall(plain, 1, 1, 0) == LUA_OK)
        lua_settop(plain, 0)
        if iteration >= 30 { sample.add(clock.now - started) }
    }
    lua_close(plain)
    print(sample.line)
    return sample.median
}

for count in [50, 500, 2_000] {
    let floor = plainPriority(sessions: count)
    let ratio = evaluationMedians[count]! / floor
    print("  evaluation/plain median ratio, \(count) sessions: \(String((ratio * 100).rounded() / 100))")
}
