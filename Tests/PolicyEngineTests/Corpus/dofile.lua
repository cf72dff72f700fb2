-- expect: runtime
-- message: global 'dofile'
local M = {}
function M.priority(ctx)
  return dofile('/etc/passwd')
end
return M
