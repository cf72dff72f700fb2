-- Built-in default priority (used when a depot has no priority.lua, or when it fails).
-- Fleet vehicles are served before public ones; a fleet vehicle that departs within three hours,
-- or that the plan already predicts to be late, goes one tier higher. Within a tier the solver
-- serves the least slack first, so this file only states the business rule.
local M = {}

local SOON = 3 * 3600

function M.priority(ctx)
  local out = {}
  for i, s in ipairs(ctx.sessions) do
    if s.tenant.class ~= "fleet" then
      out[i] = { priority = 1, reason = "public: served after fleet" }
    elseif s.late or (s.departure and s.departure - ctx.now < SOON) then
      out[i] = { priority = 3, reason = "fleet, departs soon" }
    else
      out[i] = { priority = 2, reason = "fleet" }
    end
  end
  return out
end

return M
