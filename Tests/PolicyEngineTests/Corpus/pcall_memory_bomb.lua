-- expect: memory
-- message: memory
local M = {}
function M.priority(ctx)
  pcall(string.rep, 'x', 1 << 30) return {1, 1}
end
return M
