-- expect: runtime
-- message: global 'loadstring'
local M = {}
function M.priority(ctx)
  return loadstring('return 1')()
end
return M
