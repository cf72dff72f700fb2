-- expect: runtime
-- message: policies cannot set globals
local M = {}
function M.priority(ctx)
  leaked = true
end
return M
