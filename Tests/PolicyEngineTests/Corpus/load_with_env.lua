-- expect: runtime
-- message: global 'load'
local M = {}
function M.priority(ctx)
  return load('return os', 't', {})()
end
return M
