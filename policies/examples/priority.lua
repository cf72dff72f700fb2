-- Example: deadline-driven priority, fleet before public.
-- Tiers: 4 = fleet vehicle that the plan says will be late, or that leaves within 90 minutes;
--        3 = fleet vehicle leaving within 4 hours; 2 = other fleet; 1 = public.
-- A fleet vehicle leaving soon also gets a guaranteed minimum so it is never starved.
local M = {}

local function minutes_left(ctx, s)
  if not s.departure then return nil end
  return time.minutes(s.departure - ctx.now)
end

function M.priority(ctx)
  local out = {}
  for i, s in ipairs(ctx.sessions) do
    local left = minutes_left(ctx, s)
    trace(s.id, left)
    if s.tenant.class == "public" then
      out[i] = { priority = 1, reason = "public" }
    elseif s.late or (left and left < 90) then
      out[i] = { priority = 4, min_kw = 50, reason = "fleet, leaves in under 90 min" }
    elseif left and left < 240 then
      out[i] = { priority = 3, reason = "fleet, leaves within 4 h" }
    else
      out[i] = { priority = 2, reason = "fleet" }
    end
  end
  return out
end

return M
