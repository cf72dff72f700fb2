-- expect: runtime
-- message: global 'io'
local M = {}
function M.priority(ctx)
  return io.open('/etc/passwd'):read('a')
end
return M
