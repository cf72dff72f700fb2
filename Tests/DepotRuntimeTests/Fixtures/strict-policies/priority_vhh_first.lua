-- Reloaded mid-night by the end-to-end test: VHH buses go before Hochbahn's.
local M = {}

function M.priority(ctx)
  local out = {}
  for i, s in ipairs(ctx.sessions) do
    if s.tenant.class ~= "fleet" then
      out[i] = { priority = 1, reason = "public" }
    elseif s.tenant.id == "vhh" then
      out[i] = { priority = 4, reason = "vhh first tonight" }
    else
      out[i] = { priority = 2, reason = "fleet" }
    end
  end
  return out
end

return M
