-- expect: runtime
-- message: global 'load'
local M = {}
function M.priority(ctx)
  return load('return {1}')()
end
return M
