-- Built-in default enforcement: soft. Nothing is cut off by default; operators are warned and
-- decide themselves. A depot that wants strict rules writes its own enforcement.lua.
local M = {}

M.strictness = "soft"
M.buffer_minutes = 15
M.no_show_grace_minutes = 30

function M.wrong_vehicle(ctx, ev)
  return { action = "warn", reason = "vehicle is not the one reserved", notify = true }
end

function M.buffer_start(ctx, ev)
  return { action = "hold", reason = "reservation buffer started" }
end

function M.no_show(ctx, ev)
  return { action = "warn", reason = "reserved vehicle did not arrive", notify = true }
end

function M.departure_reached(ctx, ev)
  return { action = "warn", reason = "departure time reached while still plugged in" }
end

function M.unknown_token(ctx, ev)
  return { action = "warn", reason = "unknown token" }
end

function M.area_denied(ctx, ev)
  return { action = "warn", reason = "vehicle is outside its allowed area" }
end

return M
