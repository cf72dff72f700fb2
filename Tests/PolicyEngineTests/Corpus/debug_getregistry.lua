-- expect: runtime
-- message: global 'debug'
local M = {}
function M.priority(ctx)
  return debug.getregistry()
end
return M
