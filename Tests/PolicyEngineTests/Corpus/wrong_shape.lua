-- expect: invalidOutput
-- message: result[1].priority: expected integer, got string
local M = {}
function M.priority(ctx)
  return { { priority = 'high' }, 1 }
end
return M
