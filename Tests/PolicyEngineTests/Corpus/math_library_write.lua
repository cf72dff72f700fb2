-- expect: runtime
-- message: policies cannot change library tables
local M = {}
function M.priority(ctx)
  math.floor = nil
end
return M
