-- expect: runtime
-- message: global 'rawequal'
local M = {}
function M.priority(ctx)
  return rawequal(1, 1)
end
return M
