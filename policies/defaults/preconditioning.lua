-- Built-in default pre-conditioning. A window the timetable asks for (VDV 463 automatic or
-- manual pre-conditioning, or a depot file's `precondition.start`) is kept as requested, ending
-- at its requested finish or at departure. Otherwise start before departure by what the vehicle
-- says it needs (VDV 261 prec_reqtime / bat_reqtime, in seconds) plus a 10-minute margin, and
-- finish at departure. Without a departure, a requested start or a reported need there is no plan.
local M = {}

local MARGIN = 10 * 60

function M.plan(ctx, v)
  if not v.departure then
    return nil
  end
  local battery = (v.bat_reqtime or 0) > 0
  if v.requested_start then
    return {
      start = v.requested_start,
      finish = math.max(v.requested_start, v.requested_finish or v.departure),
      mode = v.requested_mode or "HotWaterAndHeating",
      battery = battery,
      reason = "requested by the timetable",
    }
  end
  local need = math.max(v.prec_reqtime or 0, v.bat_reqtime or 0)
  if need == 0 then
    return nil
  end
  return {
    start = v.departure - need - MARGIN,
    finish = v.departure,
    mode = v.requested_mode or "HotWaterAndHeating",
    battery = battery,
    reason = string.format("departure - %d min", (need + MARGIN) // 60),
  }
end

return M
