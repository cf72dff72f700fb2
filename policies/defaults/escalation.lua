-- Built-in default escalation: tell the depot's operators by email; faults and missed
-- departures also by SMS. Departure reminders 15 minutes before, at, and 10 minutes after.
local M = {}

M.departure_reminders = { -900, 0, 600 }

local CRITICAL = {
  fault = true,
  will_miss_departure = true,
  charger_offline = true,
  policy_failed = true,
  config_reload_failed = true,
}

function M.on_event(ctx, ev)
  local subject = ev.vehicle or ev.charger or ctx.depot.id
  local text = string.format("%s: %s", ev.kind, ev.message or subject)
  if ev.kind == "departure_reminder" then
    if (ev.offset_s or 0) <= 0 then
      return {}
    end
    return { { channel = "email", to = "operators", severity = "warning", text = text } }
  end
  if CRITICAL[ev.kind] then
    return {
      { channel = "email", to = "operators", severity = "critical", text = text },
      { channel = "sms", to = "operators", severity = "critical", text = text, until_resolved = true, repeat_s = 900 },
    }
  end
  return { { channel = "email", to = "operators", severity = "info", text = text } }
end

return M
