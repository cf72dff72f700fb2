-- Example: strict enforcement for one tenant, soft for the others.
-- A tenant opts in with `policy_settings: { strictness: strict }` in the depot file.
local M = {}

M.strictness = "soft"
M.buffer_minutes = 10
M.no_show_grace_minutes = 20

local function strict(ev)
  local tenant = ev.tenant
  local settings = tenant and tenant.settings or {}
  return (settings.strictness or M.strictness) == "strict"
end

function M.wrong_vehicle(ctx, ev)
  if strict(ev) then
    return { action = "deny", reason = "bay reserved for " .. tostring(ev.expected_vehicle), notify = true }
  end
  return { action = "warn", reason = "vehicle is not the one reserved", notify = true }
end

function M.buffer_start(ctx, ev)
  return { action = "hold", reason = "reservation buffer" }
end

function M.no_show(ctx, ev)
  if strict(ev) then
    return { action = "terminate", reason = "reservation released after no-show", notify = true }
  end
  return { action = "warn", reason = "reserved vehicle did not arrive" }
end

function M.departure_reached(ctx, ev)
  if strict(ev) then
    return { action = "terminate", reason = "departure time reached" }
  end
  return { action = "warn", reason = "departure time reached" }
end

function M.unknown_token(ctx, ev)
  return { action = strict(ev) and "deny" or "warn", reason = "unknown token" }
end

function M.area_denied(ctx, ev)
  return { action = "deny", reason = "vehicle not allowed in this area", notify = true }
end

return M
