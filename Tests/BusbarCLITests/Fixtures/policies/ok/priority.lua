-- Fixture: buses leaving within two hours get tier 3, other fleet sessions 2, public 1.
local M = {}

function M.priority(ctx)
  local out = {}
  for i, s in ipairs(ctx.sessions) do
    if s.tenant.class == "public" then
      out[i] = 1
    elseif s.departure and s.departure - ctx.now < 2 * 3600 then
      trace("leaves_soon", s.id)
      out[i] = { priority = 3, min_kw = 50, reason = "leaves within 2 h" }
    else
      out[i] = { priority = 2, reason = "fleet" }
    end
  end
  log("sessions", #ctx.sessions)
  return out
end

return M
