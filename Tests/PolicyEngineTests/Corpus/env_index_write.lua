-- expect: runtime
-- message: policies cannot set globals
local M = {}
function M.priority(ctx)
  _ENV['x'] = 1
end
return M
