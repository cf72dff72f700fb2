-- The notification test: a charger going offline is posted to the operators' webhook.
local M = {}

M.departure_reminders = {}

function M.on_event(ctx, ev)
  if ev.kind == "charger_offline" then
    return { { channel = "webhook", to = "ops", severity = "critical", text = ev.charger .. " is offline", until_resolved = true } }
  end
  return {}
end

return M
