-- expect: runtime
-- message: global 'debug'
local M = {}
function M.priority(ctx)
  debug.sethook() while true do end
end
return M
