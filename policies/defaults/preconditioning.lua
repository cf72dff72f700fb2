-- Built-in default pre-conditioning: start before departure by what the vehicle says it needs
-- (VDV 261 prec_reqtime / bat_reqtime, in seconds) plus a 10-minute margin, and finish at
-- departure. Without a departure or a reported need there is no plan.
local M = {}

local MARGIN = 10 * 60

function M.plan(ctx, v)
  local need = math.max(v.prec_reqtime or 0, v.bat_reqtime or 0)
  if not v.departure or need == 0 then
    return nil
  end
  return {
    start = v.departure - need - MARGIN,
    finish = v.departure,
    mode = v.requested_mode or "HotWaterAndHeating",
    battery = (v.bat_reqtime or 0) > 0,
    reason = string.format("departure - %d min", (need + MARGIN) // 60),
  }
end

return M
