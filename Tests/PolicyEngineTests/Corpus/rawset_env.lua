-- expect: runtime
-- message: global 'rawset'
local M = {}
function M.priority(ctx)
  rawset(_ENV, 'x', 1)
end
return M
