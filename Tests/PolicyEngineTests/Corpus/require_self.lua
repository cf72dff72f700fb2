-- expect: invalidOutput
-- message: result.priority: unexpected key in a list
local M = {}
function M.priority(ctx)
  return require('require_self')
end
return M
