-- expect: runtime
-- message: field 'dump'
local M = {}
function M.priority(ctx)
  return string.dump(M.priority)
end
return M
