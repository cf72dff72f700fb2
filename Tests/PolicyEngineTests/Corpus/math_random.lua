-- expect: runtime
-- message: field 'random'
local M = {}
function M.priority(ctx)
  return { math.random(10), 1 }
end
return M
