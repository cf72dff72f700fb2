-- expect: runtime
-- message: invalid module name
local M = {}
function M.priority(ctx)
  return require('..secret')
end
return M
