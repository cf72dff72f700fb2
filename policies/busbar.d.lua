---@meta
-- Editor definitions for Busbar policies (LuaLS / sumneko annotations). Not loaded by Busbar:
-- point your editor's Lua language server at this file to complete and type-check `ctx`, the
-- events and the return shapes of docs/policy-api.md. Times are Unix seconds, energies kWh, powers kW,
-- SoC percent.

---@class BusbarBlock
---@field name string
---@field limit_kw number
---@field price_per_kwh number?

---@class BusbarGrid
---@field limit_kw number
---@field block BusbarBlock?

---@class BusbarDepot
---@field id string
---@field timezone string IANA name, e.g. "Europe/Berlin"
---@field grid BusbarGrid
---@field ambient_c number? outside temperature in °C, when known
---@field utc_offsets integer[] used by time.at; {from, offset, from, offset, ...}

---@class BusbarTenant
---@field id string
---@field class "fleet"|"public"
---@field priority integer
---@field settings table<string, any> the tenant's `policy_settings` from the depot file

---@class BusbarVehicle
---@field id string
---@field vin string?
---@field battery_kwh number
---@field max_kw number

---@class BusbarConnector
---@field charger string
---@field id integer
---@field bay string?
---@field area string?
---@field max_kw number

--- Read-only: a write to a session, its vehicle or its connector raises "policies cannot change
--- ctx.sessions"; copy values into your own tables instead.
---@class BusbarSession
---@field id string
---@field vehicle BusbarVehicle
---@field tenant BusbarTenant
---@field connector BusbarConnector
---@field soc number
---@field target_soc number
---@field min_target_soc number?
---@field energy_needed_kwh number
---@field arrival integer?
---@field departure integer? nil when unknown
---@field minutes_to_target number? at the connector's maximum power
---@field plugged_since integer?
---@field reserved boolean
---@field planned boolean true for an arrival not yet plugged in
---@field late boolean the plan predicts a missed departure

---@class BusbarContext
---@field now integer
---@field depot BusbarDepot
---@field tenants table<string, BusbarTenant> by tenant id
---@field sessions BusbarSession[] priority calls only

---@class BusbarPriority
---@field priority integer a higher tier is served strictly first
---@field min_kw number? guaranteed minimum (clamped to the connector and vehicle)
---@field max_kw number? cap (clamped likewise)
---@field reason string?

---@alias BusbarPriorityResult (integer|BusbarPriority)[] one entry per ctx.sessions entry, same order

---@class BusbarEnforcementEvent
---@field kind "wrong_vehicle"|"buffer_start"|"no_show"|"departure_reached"|"unknown_token"|"area_denied"
---@field tenant BusbarTenant?
---@field vehicle string?
---@field expected_vehicle string?
---@field charger string?
---@field connector_id integer?
---@field area string?
---@field reservation string?
---@field reserved_from integer?
---@field reserved_until integer?
---@field departure integer?
---@field token string?

---@class BusbarEnforcementAction
---@field action "allow"|"deny"|"terminate"|"warn"|"hold"
---@field reason string?
---@field notify boolean?

---@class BusbarPreconditioningVehicle
---@field vehicle BusbarVehicle
---@field tenant BusbarTenant?
---@field departure integer
---@field ambient_c number?
---@field soc number?
---@field requested_mode string? the timetable's request
---@field requested_start integer?
---@field requested_finish integer?
---@field bat_reqtime integer? VDV 261: seconds the battery needs
---@field prec_reqtime integer? VDV 261: seconds the cabin needs
---@field bat_eamount integer? VDV 261: Wh the battery needs, pre-conditioning included
---@field prec_eamount integer? VDV 261: Wh the cabin pre-conditioning needs

---@class BusbarPreconditioningPlan
---@field start integer
---@field finish integer
---@field mode "HotWaterAndHeating"|"WarmWaterAndVentilation"|"NoWaterCoolingOrVentilation"|"None"
---@field battery boolean?
---@field hvac_kw number?
---@field battery_kw number?
---@field reason string?

---@class BusbarOperationalEvent
---@field kind "departure_reminder"|"overstay"|"charger_offline"|"session_stopped_unexpectedly"|"soc_not_progressing"|"fault"|"availability_changed"|"power_limit_changed"|"will_miss_departure"|"policy_failed"|"config_reload_failed"
---@field at integer
---@field tenant BusbarTenant?
---@field vehicle string?
---@field charger string?
---@field connector_id integer?
---@field departure integer?
---@field offset_s integer? for departure_reminder: the entry of M.departure_reminders that fired
---@field soc number?
---@field message string?

---@class BusbarMessage
---@field channel "email"|"sms"|"webhook"
---@field to string a recipient group of the depot file
---@field after_s integer? delay in seconds (default 0)
---@field severity "info"|"warning"|"critical"?
---@field text string
---@field until_resolved boolean?
---@field repeat_s integer? at least 60

---@class BusbarPriorityPolicy
---@field priority fun(ctx: BusbarContext): BusbarPriorityResult

---@class BusbarEnforcementPolicy
---@field strictness "strict"|"soft"?
---@field buffer_minutes number?
---@field no_show_grace_minutes number?
---@field wrong_vehicle fun(ctx: BusbarContext, ev: BusbarEnforcementEvent): BusbarEnforcementAction
---@field buffer_start fun(ctx: BusbarContext, ev: BusbarEnforcementEvent): BusbarEnforcementAction
---@field no_show fun(ctx: BusbarContext, ev: BusbarEnforcementEvent): BusbarEnforcementAction
---@field departure_reached fun(ctx: BusbarContext, ev: BusbarEnforcementEvent): BusbarEnforcementAction
---@field unknown_token fun(ctx: BusbarContext, ev: BusbarEnforcementEvent): BusbarEnforcementAction
---@field area_denied fun(ctx: BusbarContext, ev: BusbarEnforcementEvent): BusbarEnforcementAction

---@class BusbarPreconditioningPolicy
---@field plan fun(ctx: BusbarContext, v: BusbarPreconditioningVehicle): BusbarPreconditioningPlan?

---@class BusbarEscalationPolicy
---@field departure_reminders integer[]? seconds relative to departure, e.g. {-900, 0, 600}
---@field on_event fun(ctx: BusbarContext, ev: BusbarOperationalEvent): BusbarMessage[]

--- Host helpers.
time = {}

---The next instant (>= ctx.now) at local time "HH:MM" in the depot's time zone (DST-safe).
---@param ctx BusbarContext
---@param hhmm string
---@return integer
function time.at(ctx, hhmm) end

---Seconds as (fractional) minutes.
---@param seconds number
---@return number
function time.minutes(seconds) end

---Writes a line (arguments tab-separated; at most 100 lines of 512 bytes per evaluation).
---@param ... any
function log(...) end

---Records a named value for `busbar policy eval --explain` and the decision record.
---@param name string
---@param value any
function trace(name, value) end

---Loads a module of the depot's policy folder: "lib.util" is lib/util.lua.
---@param name string
---@return any
function require(name) end
