-- expect: runtime
-- message: global 'rawget'
local M = {}
function M.priority(ctx)
  return rawget(_ENV, 'os')
end
return M
