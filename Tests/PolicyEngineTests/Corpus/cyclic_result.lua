-- expect: invalidOutput
-- message: result[1]
local M = {}
function M.priority(ctx)
  local t = {} t[1] = t return { t, 1 }
end
return M
