-- Fixture: a missing `then` after the condition on line 5; Lua reports it at line 6, where `return` follows.
local M = {}

function M.priority(ctx)
  if ctx.now > 0
    return {}
  end
  return {}
end

return M
