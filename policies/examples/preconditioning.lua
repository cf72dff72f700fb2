-- Example: temperature-dependent pre-conditioning.
-- Below 5 °C heat with hot water and condition the battery, and start earlier the colder it is;
-- above 25 °C cool; in between only ventilate, and only if the vehicle asks for it.
local M = {}

function M.plan(ctx, v)
  local ambient = v.ambient_c or ctx.depot.ambient_c
  local need = math.max(v.prec_reqtime or 0, v.bat_reqtime or 0)
  if ambient == nil then
    return nil
  end
  if ambient < 5 then
    local extra = math.min(30, math.max(0, 5 - ambient) * 2) * 60 -- 2 min per degree below 5, at most 30
    return {
      start = v.departure - math.max(need, 1200) - extra,
      finish = v.departure,
      mode = "HotWaterAndHeating",
      battery = true,
      hvac_kw = 20,
      battery_kw = 10,
      reason = string.format("cold (%.0f °C)", ambient),
    }
  elseif ambient > 25 then
    return {
      start = v.departure - math.max(need, 900),
      finish = v.departure,
      mode = "NoWaterCoolingOrVentilation",
      hvac_kw = 15,
      reason = string.format("hot (%.0f °C)", ambient),
    }
  elseif need > 0 then
    return { start = v.departure - need, finish = v.departure, mode = "WarmWaterAndVentilation", reason = "mild" }
  end
  return nil
end

return M
