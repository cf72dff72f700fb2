-- Fixture: a syntax error on line 5 (a missing `then`).
local M = {}

function M.priority(ctx)
  if ctx.now > 0
    return {}
  end
  return {}
end

return M
