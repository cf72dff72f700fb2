-- expect: runtime
-- message: policies cannot change library tables
local M = {}
function M.priority(ctx)
  time.at = nil
end
return M
