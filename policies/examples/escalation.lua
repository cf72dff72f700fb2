-- Example: an escalation ladder, night shift first, then the duty manager.
-- Night shift gets everything at once; what is still open after 15 minutes goes to the duty
-- manager by SMS, repeating every 15 minutes until resolved.
local M = {}

M.departure_reminders = { -1800, -900, 0, 600 }

local LADDER = {
  fault = true,
  charger_offline = true,
  will_miss_departure = true,
  session_stopped_unexpectedly = true,
}

function M.on_event(ctx, ev)
  local what = ev.vehicle or ev.charger or ctx.depot.id
  local text = string.format("[%s] %s: %s", ctx.depot.id, ev.kind, ev.message or what)
  if ev.kind == "departure_reminder" then
    if (ev.offset_s or 0) < 0 then return {} end
    return { { channel = "sms", to = "night-shift", severity = "warning", text = text } }
  end
  if LADDER[ev.kind] then
    return {
      { channel = "sms", to = "night-shift", severity = "critical", text = text },
      { channel = "sms", to = "duty-manager", after_s = 900, severity = "critical", text = text,
        until_resolved = true, repeat_s = 900 },
      { channel = "email", to = "depot-office", severity = "info", text = text },
    }
  end
  return { { channel = "email", to = "night-shift", severity = "info", text = text } }
end

return M
