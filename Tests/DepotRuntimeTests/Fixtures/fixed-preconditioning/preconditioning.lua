-- Test policy: every vehicle cools from 04:30 local time until departure, drawing 20 kW of HVAC.
local M = {}

function M.plan(ctx, v)
  return {
    start = time.at(ctx, "04:30"),
    finish = v.departure,
    mode = "NoWaterCoolingOrVentilation",
    hvac_kw = 20,
    reason = "fixed 04:30 start",
  }
end

return M
