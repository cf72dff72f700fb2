-- expect: runtime
-- message: global 'xpcall'
local M = {}
function M.priority(ctx)
  return xpcall(error, print)
end
return M
