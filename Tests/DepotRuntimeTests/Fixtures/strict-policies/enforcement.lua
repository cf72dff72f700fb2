-- Strict reservations for the end-to-end night: a bay about to be used is refused to others,
-- a vehicle squatting on a reserved bay is cut off when the reserved one is due.
local M = {}

M.strictness = "strict"
M.buffer_minutes = 15
M.no_show_grace_minutes = 30

function M.wrong_vehicle(ctx, ev)
  return { action = "terminate", reason = "strict: the bay is reserved for " .. tostring(ev.expected_vehicle) }
end

function M.buffer_start(ctx, ev)
  return { action = "deny", reason = "strict: the bay is about to be used" }
end

function M.no_show(ctx, ev)
  return { action = "warn", reason = "reserved vehicle did not arrive", notify = true }
end

function M.departure_reached(ctx, ev)
  return { action = "warn", reason = "still plugged in at departure" }
end

function M.unknown_token(ctx, ev)
  return { action = "allow", reason = "public charging" }
end

function M.area_denied(ctx, ev)
  return { action = "deny", reason = "outside the tenant's areas" }
end

return M
