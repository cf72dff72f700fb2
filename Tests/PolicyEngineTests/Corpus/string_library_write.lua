-- expect: runtime
-- message: policies cannot change library tables
local M = {}
function M.priority(ctx)
  string.upper = function() return 'x' end
end
return M
