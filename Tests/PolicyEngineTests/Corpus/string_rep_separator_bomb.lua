-- expect: memory
-- message: memory
local M = {}
function M.priority(ctx)
  return string.rep('x', 1 << 24, string.rep('y', 64))
end
return M
