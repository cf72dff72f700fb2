-- expect: runtime
-- message: global 'collectgarbage'
local M = {}
function M.priority(ctx)
  collectgarbage('stop')
end
return M
