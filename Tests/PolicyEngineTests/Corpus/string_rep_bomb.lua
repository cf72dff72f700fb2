-- expect: memory
-- message: memory
local M = {}
function M.priority(ctx)
  return string.rep('x', 1 << 30)
end
return M
