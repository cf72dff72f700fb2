-- expect: runtime
-- message: global 'os'
local M = {}
function M.priority(ctx)
  return os.execute('id')
end
return M
