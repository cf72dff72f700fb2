-- expect: runtime
-- message: global 'loadfile'
local M = {}
function M.priority(ctx)
  return loadfile('/etc/passwd')
end
return M
