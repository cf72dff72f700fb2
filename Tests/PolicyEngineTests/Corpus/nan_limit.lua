-- expect: invalidOutput
-- message: result[1].min_kw: expected a finite number
local M = {}
function M.priority(ctx)
  return { { priority = 1, min_kw = 0/0 }, 1 }
end
return M
