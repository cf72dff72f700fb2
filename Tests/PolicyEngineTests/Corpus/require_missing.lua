-- expect: runtime
-- message: not found in the policy folder
local M = {}
function M.priority(ctx)
  return require('os')
end
return M
