-- expect: runtime
-- message: global 'package'
local M = {}
function M.priority(ctx)
  return package.loadlib('libc.so.6', 'system')
end
return M
