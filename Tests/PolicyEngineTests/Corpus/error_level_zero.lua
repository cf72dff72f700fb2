-- expect: runtime
-- message: no position
local M = {}
function M.priority(ctx)
  error('no position', 0)
end
return M
